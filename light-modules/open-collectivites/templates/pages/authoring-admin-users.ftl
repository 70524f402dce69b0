<#import "../site/layout.ftl" as layout>
<#import "../authoring/admin.ftl" as admin>
<@layout.page title=title noindex=true>
<@admin.page>
  <#if users?has_content>
  <div class="fr-table"><table>
    <caption>${i18n("authoring.ui.admin.users.caption")}</caption>
    <thead><tr>
      <th scope="col">${i18n("authoring.ui.admin.users.col.login")}</th>
      <th scope="col">${i18n("authoring.ui.admin.users.col.name")}</th>
      <th scope="col">${i18n("authoring.ui.admin.users.col.email")}</th>
      <th scope="col">${i18n("authoring.ui.admin.users.col.roles")}</th>
      <th scope="col">${i18n("authoring.ui.admin.users.col.teams")}</th>
      <th scope="col">${i18n("authoring.ui.admin.users.col.state")}</th>
    </tr></thead>
    <tbody>
    <#list users as u>
      <tr>
        <td><a href="${u.url}">${u.login}</a></td><td>${u.fullName}</td><td>${u.email}</td><td>${u.roles}</td><td>${u.teams}</td>
        <td><#if u.disabled><p class="fr-badge fr-badge--sm fr-badge--error">${i18n("authoring.ui.admin.users.disabled")}</p><#else><p class="fr-badge fr-badge--sm fr-badge--success">${i18n("authoring.ui.admin.users.active")}</p></#if></td>
      </tr>
    </#list>
    </tbody>
  </table></div>
  <#else>
  <p>${i18n("authoring.ui.admin.users.none")}</p>
  </#if>

  <h2 id="nouveau-compte">${i18n("authoring.ui.admin.users.new")}</h2>
  <p class="fr-text--sm">${i18n("authoring.ui.form.requiredNote")}</p>
  <#if errors.general??><div class="fr-alert fr-alert--error fr-mb-3w" role="alert"><p>${errors.general}</p></div></#if>
  <form method="post" action="/auteur/admin/utilisateurs" novalidate aria-labelledby="nouveau-compte">
    <input type="hidden" name="csrf" value="${csrf}">
    <@admin.input name="identifiant" label=i18n("authoring.ui.admin.users.login") value=values.identifiant hint=i18n("authoring.ui.admin.users.loginHint") errors=errors autocomplete="off" required=true/>
    <@admin.input name="nom" label=i18n("authoring.ui.admin.users.name") value=values.nom errors=errors autocomplete="off"/>
    <@admin.input name="courriel" type="email" label=i18n("authoring.ui.admin.users.email") value=values.courriel hint=i18n("authoring.ui.admin.users.emailHint") errors=errors autocomplete="off" required=true/>
    <@admin.input name="motdepasse" type="password" label=i18n("authoring.ui.admin.users.password") hint=i18n("authoring.ui.admin.users.passwordHint", 12) errors=errors autocomplete="new-password"/>
    <@admin.checkboxes name="role" legend=i18n("authoring.ui.admin.users.roles") choices=roles/>
    <@admin.checkboxes name="equipe" legend=i18n("authoring.ui.admin.users.teams") choices=teams empty=i18n("authoring.ui.admin.users.noTeam")/>
    <button type="submit" class="fr-btn">${i18n("authoring.ui.admin.users.create")}</button>
  </form>
</@admin.page>
</@layout.page>
