<#import "../site/layout.ftl" as layout>
<#import "../authoring/admin.ftl" as admin>
<@layout.page title=title noindex=true>
<@admin.page>
  <#if sites?has_content>
  <div class="fr-table"><table>
    <caption>${i18n("authoring.ui.admin.minisites.caption")}</caption>
    <thead><tr>
      <th scope="col">${i18n("authoring.ui.admin.minisites.col.name")}</th>
      <th scope="col">${i18n("authoring.ui.admin.minisites.col.slug")}</th>
      <th scope="col">${i18n("authoring.ui.admin.minisites.col.team")}</th>
      <th scope="col">${i18n("authoring.ui.settings.col")}</th>
    </tr></thead>
    <tbody>
    <#list sites as s>
      <tr><td>${s.name}</td><td>${s.slug}</td><td><code>${s.teamGroup}</code></td>
        <td><a class="fr-link" href="/auteur/sites/${s.slug}/reglages">${i18n("authoring.ui.settings.linkOf", s.name)}</a></td></tr>
    </#list>
    </tbody>
  </table></div>
  <#else>
  <p>${i18n("authoring.ui.admin.minisites.none")}</p>
  </#if>
  <h2 id="nouveau-site">${i18n("authoring.ui.admin.minisites.new")}</h2>
  <p class="fr-text--sm">${i18n("authoring.ui.form.requiredNote")}</p>
  <form method="post" action="/auteur/admin/mini-sites" novalidate aria-labelledby="nouveau-site">
    <input type="hidden" name="csrf" value="${csrf}">
    <@admin.input name="nom" label=i18n("authoring.ui.admin.minisites.name") value=name errors=errors autocomplete="off" required=true/>
    <@admin.input name="slug" label=i18n("authoring.ui.admin.minisites.slug") value=slug hint=i18n("authoring.ui.admin.minisites.slugHint") errors=errors autocomplete="off" required=true/>
    <button type="submit" class="fr-btn">${i18n("authoring.ui.admin.minisites.create")}</button>
  </form>
</@admin.page>
</@layout.page>
