<#-- Shared pieces of the authoring pages (inside the site's DSFR layout). -->
<#macro signedIn user csrf>
<div class="fr-grid-row fr-grid-row--right fr-mb-3w">
  <form method="post" action="/auteur/deconnexion" class="fr-ml-2w">
    <input type="hidden" name="csrf" value="${csrf}">
    <p class="fr-text--sm fr-mb-1w">${i18n("authoring.ui.signedInAs", user)}</p>
    <button type="submit" class="fr-btn fr-btn--tertiary fr-btn--sm">${i18n("authoring.ui.logout")}</button>
  </form>
</div>
</#macro>
