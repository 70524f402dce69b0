<#import "../site/layout.ftl" as layout>
<@layout.page title=title noindex=true>
<div class="fr-container fr-my-7w">
  <div class="fr-grid-row fr-grid-row--center">
    <div class="fr-col-12 fr-col-md-8 fr-col-lg-6">
      <h1>${title}</h1>
      <#if error??>
      <div class="fr-alert fr-alert--error fr-mb-3w" role="alert">
        <p>${error}</p>
      </div>
      </#if>
      <form method="post" action="/auteur/connexion" novalidate>
        <input type="hidden" name="csrf" value="${csrf}">
        <fieldset class="fr-fieldset" aria-labelledby="identifiants-legende">
          <legend class="fr-fieldset__legend" id="identifiants-legende">${i18n("authoring.ui.login.legend")}</legend>
          <div class="fr-fieldset__element">
            <div class="fr-input-group">
              <label class="fr-label" for="identifiant">${i18n("authoring.ui.login.login")}</label>
              <input class="fr-input" type="text" id="identifiant" name="login" value="${login}" autocomplete="username" required>
            </div>
          </div>
          <div class="fr-fieldset__element">
            <div class="fr-input-group">
              <label class="fr-label" for="mot-de-passe">${i18n("authoring.ui.login.password")}</label>
              <input class="fr-input" type="password" id="mot-de-passe" name="password" autocomplete="current-password" required>
            </div>
          </div>
        </fieldset>
        <button type="submit" class="fr-btn">${i18n("authoring.ui.login.submit")}</button>
      </form>
      <p class="fr-mt-3w"><a class="fr-link" href="/auteur/mot-de-passe-oublie">${i18n("authoring.ui.password.forgotLink")}</a></p>
    </div>
  </div>
</div>
</@layout.page>
