<#import "../site/layout.ftl" as layout>
<#import "../authoring/ui.ftl" as ui>
<#import "../authoring/admin.ftl" as admin>
<#function label n><#return (n == 0)?then(i18n("authoring.ui.versions.draft"), i18n("authoring.ui.versions.number", n))></#function>
<@layout.page title=title noindex=true>
<div class="fr-container fr-my-5w">
  <@ui.signedIn user=user csrf=csrf/>
  <p><a class="fr-link fr-icon-arrow-left-line fr-link--icon-left" href="${editUrl}">${i18n("authoring.ui.versions.back")}</a></p>
  <h1>${title}</h1>
  <@admin.alerts/>
  <#if versions?has_content>
  <div class="fr-table"><table>
    <caption>${i18n("authoring.ui.versions.caption")}</caption>
    <thead><tr>
      <th scope="col">${i18n("authoring.ui.versions.col.number")}</th>
      <th scope="col">${i18n("authoring.ui.versions.col.by")}</th>
      <th scope="col">${i18n("authoring.ui.versions.col.at")}</th>
      <#if canRestore><th scope="col">${i18n("authoring.ui.versions.col.actions")}</th></#if>
    </tr></thead>
    <tbody>
    <#list versions as v>
      <tr>
        <td>${v.number}</td><td>${v.by}</td><td><time datetime="${v.iso}">${v.at}</time></td>
        <#if canRestore>
        <td>
          <form method="post" action="${action}">
            <input type="hidden" name="csrf" value="${csrf}">
            <input type="hidden" name="version" value="${v.number}">
            <button type="submit" class="fr-btn fr-btn--tertiary fr-btn--sm">${i18n("authoring.ui.versions.restore")}<span class="fr-sr-only"> ${i18n("authoring.ui.versions.restoreLabel", v.number)}</span></button>
          </form>
        </td>
        </#if>
      </tr>
    </#list>
    </tbody>
  </table></div>

  <h2 id="comparer">${i18n("authoring.ui.versions.compare")}</h2>
  <form method="get" action="${action}" class="fr-mb-5w" aria-labelledby="comparer">
    <div class="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom">
      <div class="fr-col-12 fr-col-md-4">
        <div class="fr-select-group">
          <label class="fr-label" for="de">${i18n("authoring.ui.versions.from")}</label>
          <select class="fr-select" id="de" name="de">
            <#list versions as v><option value="${v.number}"<#if from == v.number> selected</#if>>${label(v.number)}</option></#list>
            <option value="0"<#if from == 0> selected</#if>>${label(0)}</option>
          </select>
        </div>
      </div>
      <div class="fr-col-12 fr-col-md-4">
        <div class="fr-select-group">
          <label class="fr-label" for="a">${i18n("authoring.ui.versions.to")}</label>
          <select class="fr-select" id="a" name="a">
            <#list versions as v><option value="${v.number}"<#if to == v.number> selected</#if>>${label(v.number)}</option></#list>
            <option value="0"<#if to == 0> selected</#if>>${label(0)}</option>
          </select>
        </div>
      </div>
      <div class="fr-col-12 fr-col-md-4">
        <button type="submit" class="fr-btn">${i18n("authoring.ui.versions.compareSubmit")}</button>
      </div>
    </div>
  </form>
  <#if diffError??>
  <div class="fr-alert fr-alert--error fr-mb-3w" role="alert"><p>${diffError}</p></div>
  </#if>
  <#if changes??>
  <h2 id="differences">${i18n("authoring.ui.versions.diffTitle", label(from), label(to))}</h2>
  <#if changes?has_content>
  <div class="fr-table fr-table--bordered"><table>
    <caption>${i18n("authoring.ui.versions.diffCaption")}</caption>
    <thead><tr>
      <th scope="col">${i18n("authoring.ui.versions.col.property")}</th>
      <th scope="col">${i18n("authoring.ui.versions.col.before")}</th>
      <th scope="col">${i18n("authoring.ui.versions.col.after")}</th>
    </tr></thead>
    <tbody>
    <#list changes as c>
      <tr>
        <th scope="row"><code>${c.property}</code></th>
        <td><#if c.before?has_content><del><span class="fr-sr-only">${i18n("authoring.ui.versions.removed")} </span>${c.before}</del><#else><span class="fr-text--sm">${i18n("authoring.ui.versions.empty")}</span></#if></td>
        <td><#if c.after?has_content><ins><span class="fr-sr-only">${i18n("authoring.ui.versions.added")} </span>${c.after}</ins><#else><span class="fr-text--sm">${i18n("authoring.ui.versions.empty")}</span></#if></td>
      </tr>
    </#list>
    </tbody>
  </table></div>
  <#else>
  <p>${i18n("authoring.ui.versions.noChange")}</p>
  </#if>
  </#if>
  <#else>
  <p>${i18n("authoring.ui.versions.none")}</p>
  </#if>
</div>
</@layout.page>
