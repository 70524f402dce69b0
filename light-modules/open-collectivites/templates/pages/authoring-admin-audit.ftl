<#import "../site/layout.ftl" as layout>
<#import "../authoring/admin.ftl" as admin>
<@layout.page title=title noindex=true>
<@admin.page>
  <form method="get" action="/auteur/admin/journal" class="fr-mb-5w" role="search" aria-label="${i18n("authoring.ui.admin.audit.filter")}">
    <div class="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom">
      <div class="fr-col-12 fr-col-md-3">
        <@admin.input name="qui" label=i18n("authoring.ui.admin.audit.who") value=qui autocomplete="off"/>
      </div>
      <div class="fr-col-12 fr-col-md-3">
        <div class="fr-select-group">
          <label class="fr-label" for="action">${i18n("authoring.ui.admin.audit.action")}</label>
          <select class="fr-select" id="action" name="action">
            <option value=""<#if actionFilter == ""> selected</#if>>${i18n("authoring.ui.admin.audit.allActions")}</option>
            <#list actions as value, label>
            <option value="${value}"<#if actionFilter == value> selected</#if>>${label}</option>
            </#list>
          </select>
        </div>
      </div>
      <div class="fr-col-12 fr-col-md-2">
        <@admin.input name="du" type="date" label=i18n("authoring.ui.admin.audit.from") value=du hint=i18n("authoring.ui.admin.audit.dateHint") errors=errors/>
      </div>
      <div class="fr-col-12 fr-col-md-2">
        <@admin.input name="au" type="date" label=i18n("authoring.ui.admin.audit.to") value=au hint=i18n("authoring.ui.admin.audit.dateHint") errors=errors/>
      </div>
      <div class="fr-col-12 fr-col-md-2">
        <button type="submit" class="fr-btn">${i18n("authoring.ui.admin.audit.apply")}</button>
      </div>
    </div>
  </form>
  <#if entries?has_content>
  <div class="fr-table"><table>
    <caption>${i18n("authoring.ui.admin.audit.caption", page)}</caption>
    <thead><tr>
      <th scope="col">${i18n("authoring.ui.admin.audit.col.at")}</th>
      <th scope="col">${i18n("authoring.ui.admin.audit.col.who")}</th>
      <th scope="col">${i18n("authoring.ui.admin.audit.col.action")}</th>
      <th scope="col">${i18n("authoring.ui.admin.audit.col.target")}</th>
      <th scope="col">${i18n("authoring.ui.admin.audit.col.detail")}</th>
    </tr></thead>
    <tbody>
    <#list entries as e>
      <tr><td><time datetime="${e.iso}">${e.at}</time></td><td>${e.who}</td><td>${actions[e.action]!e.action}</td><td>${e.target}</td><td>${e.detail}</td></tr>
    </#list>
    </tbody>
  </table></div>
  <#else>
  <p>${i18n("authoring.ui.admin.audit.none")}</p>
  </#if>
  <#if previous?? || next??>
  <nav aria-label="${i18n("authoring.ui.admin.audit.pages")}">
    <ul class="fr-btns-group fr-btns-group--inline-md">
      <#if previous??><li><a class="fr-btn fr-btn--secondary" href="${previous}">${i18n("authoring.ui.admin.audit.previous")}</a></li></#if>
      <#if next??><li><a class="fr-btn fr-btn--secondary" href="${next}">${i18n("authoring.ui.admin.audit.next")}</a></li></#if>
    </ul>
  </nav>
  </#if>
</@admin.page>
</@layout.page>
