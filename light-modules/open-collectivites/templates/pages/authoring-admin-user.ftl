<#import "../site/layout.ftl" as layout>
<#import "../authoring/admin.ftl" as admin>
<@layout.page title=title noindex=true>
<@admin.page>
  <p><a class="fr-link fr-icon-arrow-left-line fr-link--icon-left" href="/auteur/admin/utilisateurs">${i18n("authoring.ui.admin.user.back")}</a></p>
  <dl class="fr-mb-3w">
    <dt class="fr-text--bold">${i18n("authoring.ui.admin.users.col.name")}</dt><dd>${account.fullName}</dd>
    <dt class="fr-text--bold">${i18n("authoring.ui.admin.users.col.email")}</dt><dd>${account.email}</dd>
    <dt class="fr-text--bold">${i18n("authoring.ui.admin.users.col.state")}</dt>
    <dd><#if account.disabled><p class="fr-badge fr-badge--sm fr-badge--error">${i18n("authoring.ui.admin.users.disabled")}</p><#else><p class="fr-badge fr-badge--sm fr-badge--success">${i18n("authoring.ui.admin.users.active")}</p></#if></dd>
  </dl>

  <h2 id="roles-titre">${i18n("authoring.ui.admin.user.rolesLegend")}</h2>
  <form method="post" action="${action}" aria-labelledby="roles-titre">
    <input type="hidden" name="csrf" value="${csrf}">
    <input type="hidden" name="action" value="roles">
    <@admin.checkboxes name="role" legend=i18n("authoring.ui.admin.users.roles") choices=roles/>
    <@admin.checkboxes name="equipe" legend=i18n("authoring.ui.admin.users.teams") choices=teams empty=i18n("authoring.ui.admin.users.noTeam")/>
    <button type="submit" class="fr-btn">${i18n("authoring.ui.admin.user.saveRoles")}</button>
  </form>

  <h2 class="fr-mt-5w">${i18n("authoring.ui.admin.user.state")}</h2>
  <ul class="fr-btns-group fr-btns-group--inline-md">
    <#if !self>
    <li>
      <form method="post" action="${action}">
        <input type="hidden" name="csrf" value="${csrf}">
        <#if account.disabled>
        <button type="submit" class="fr-btn fr-btn--secondary" name="action" value="activer">${i18n("authoring.ui.admin.user.enable")}</button>
        <#else>
        <button type="submit" class="fr-btn fr-btn--secondary" name="action" value="desactiver">${i18n("authoring.ui.admin.user.disable")}</button>
        </#if>
      </form>
    </li>
    </#if>
    <li>
      <form method="post" action="${action}">
        <input type="hidden" name="csrf" value="${csrf}">
        <button type="submit" class="fr-btn fr-btn--tertiary" name="action" value="reinitialiser" aria-describedby="reinitialiser-aide">${i18n("authoring.ui.admin.user.reset")}</button>
      </form>
    </li>
  </ul>
  <p class="fr-text--sm" id="reinitialiser-aide">${i18n("authoring.ui.admin.user.resetHint")}</p>
</@admin.page>
</@layout.page>
