<#import "../site/layout.ftl" as layout>
<#import "../authoring/admin.ftl" as admin>
<@layout.page title=title noindex=true>
<@admin.page>
  <p>${i18n("authoring.ui.admin.tokens.intro")}</p>
  <#if secret??>
  <div class="fr-alert fr-alert--success fr-mb-3w" role="status">
    <p>${i18n("authoring.ui.admin.tokens.created", secretName)}</p>
  </div>
  <div class="fr-input-group fr-mb-5w">
    <label class="fr-label" for="nouveau-jeton">${i18n("authoring.ui.admin.tokens.secret")}</label>
    <input class="fr-input" type="text" id="nouveau-jeton" value="${secret}" readonly>
  </div>
  </#if>
  <#if tokens?has_content>
  <div class="fr-table"><table>
    <caption>${i18n("authoring.ui.admin.tokens.caption")}</caption>
    <thead><tr>
      <th scope="col">${i18n("authoring.ui.admin.tokens.col.id")}</th>
      <th scope="col">${i18n("authoring.ui.admin.tokens.col.name")}</th>
      <th scope="col">${i18n("authoring.ui.admin.tokens.col.created")}</th>
      <th scope="col">${i18n("authoring.ui.admin.tokens.col.actions")}</th>
    </tr></thead>
    <tbody>
    <#list tokens as t>
      <tr>
        <td><code>${t.id}</code></td><td>${t.name}</td><td><time datetime="${t.iso}">${t.created}</time></td>
        <td>
          <form method="post" action="/auteur/admin/jetons/${t.id}/revoquer">
            <input type="hidden" name="csrf" value="${csrf}">
            <button type="submit" class="fr-btn fr-btn--tertiary fr-btn--sm" aria-label="${i18n("authoring.ui.admin.tokens.revokeLabel", t.name + " (" + t.id + ")")}">${i18n("authoring.ui.admin.tokens.revoke")}</button>
          </form>
        </td>
      </tr>
    </#list>
    </tbody>
  </table></div>
  <#else>
  <p>${i18n("authoring.ui.admin.tokens.none")}</p>
  </#if>
  <h2 id="nouveau-jeton-titre">${i18n("authoring.ui.admin.tokens.new")}</h2>
  <form method="post" action="/auteur/admin/jetons" aria-labelledby="nouveau-jeton-titre">
    <input type="hidden" name="csrf" value="${csrf}">
    <@admin.input name="nom" label=i18n("authoring.ui.admin.tokens.name") hint=i18n("authoring.ui.admin.tokens.nameHint") autocomplete="off"/>
    <button type="submit" class="fr-btn">${i18n("authoring.ui.admin.tokens.create")}</button>
  </form>
</@admin.page>
</@layout.page>
