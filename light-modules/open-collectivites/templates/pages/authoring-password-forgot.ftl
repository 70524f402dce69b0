<#import "../site/layout.ftl" as layout>
<@layout.page title=title noindex=true>
<div class="fr-container fr-my-7w">
  <div class="fr-grid-row fr-grid-row--center">
    <div class="fr-col-12 fr-col-md-8 fr-col-lg-6">
      <h1>${title}</h1>
      <#if sent>
      <div class="fr-alert fr-alert--info fr-mb-3w" role="status"><p>${i18n("authoring.ui.password.forgot.sent", minutes)}</p></div>
      <#else>
      <#if error??>
      <div class="fr-alert fr-alert--error fr-mb-3w" role="alert"><p>${error}</p></div>
      </#if>
      <p>${i18n("authoring.ui.password.forgot.intro")}</p>
      <form method="post" action="/auteur/mot-de-passe-oublie" novalidate>
        <input type="hidden" name="csrf" value="${csrf}">
        <div class="fr-input-group">
          <label class="fr-label" for="identifiant">${i18n("authoring.ui.password.forgot.login")}</label>
          <input class="fr-input" type="text" id="identifiant" name="identifiant" value="${login}" autocomplete="username" required>
        </div>
        <button type="submit" class="fr-btn">${i18n("authoring.ui.password.forgot.submit")}</button>
      </form>
      </#if>
      <p class="fr-mt-3w"><a class="fr-link" href="/auteur/connexion">${i18n("authoring.ui.password.backToLogin")}</a></p>
    </div>
  </div>
</div>
</@layout.page>
