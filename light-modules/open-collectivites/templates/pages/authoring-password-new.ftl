<#import "../site/layout.ftl" as layout>
<@layout.page title=title noindex=true>
<div class="fr-container fr-my-7w">
  <div class="fr-grid-row fr-grid-row--center">
    <div class="fr-col-12 fr-col-md-8 fr-col-lg-6">
      <h1>${title}</h1>
      <#if done>
      <div class="fr-alert fr-alert--success fr-mb-3w" role="status"><p>${i18n("authoring.ui.password.done")}</p></div>
      <p><a class="fr-btn" href="/auteur/connexion">${i18n("authoring.ui.password.login")}</a></p>
      <#elseif invalid>
      <div class="fr-alert fr-alert--error fr-mb-3w" role="alert"><p>${i18n("authoring.ui.password.invalid")}</p></div>
      <p><a class="fr-btn" href="/auteur/mot-de-passe-oublie">${i18n("authoring.ui.password.askAgain")}</a></p>
      <#else>
      <#assign pErr = passwordError!"">
      <#assign cErr = confirmationError!"">
      <form method="post" action="/auteur/mot-de-passe" novalidate>
        <input type="hidden" name="jeton" value="${token}">
        <div class="fr-input-group<#if pErr?has_content> fr-input-group--error</#if>">
          <label class="fr-label" for="motdepasse">${i18n("authoring.ui.password.new.password")}
            <span class="fr-hint-text" id="motdepasse-regles">${i18n("authoring.ui.password.new.rules", minLength)}</span></label>
          <input class="fr-input<#if pErr?has_content> fr-input--error</#if>" type="password" id="motdepasse" name="motdepasse" autocomplete="new-password" required aria-describedby="motdepasse-regles<#if pErr?has_content> motdepasse-erreur</#if>"<#if pErr?has_content> aria-invalid="true"</#if>>
          <#if pErr?has_content><p class="fr-error-text" id="motdepasse-erreur">${pErr}</p></#if>
        </div>
        <div class="fr-input-group<#if cErr?has_content> fr-input-group--error</#if>">
          <label class="fr-label" for="confirmation">${i18n("authoring.ui.password.new.confirmation")}</label>
          <input class="fr-input<#if cErr?has_content> fr-input--error</#if>" type="password" id="confirmation" name="confirmation" autocomplete="new-password" required<#if cErr?has_content> aria-invalid="true" aria-describedby="confirmation-erreur"</#if>>
          <#if cErr?has_content><p class="fr-error-text" id="confirmation-erreur">${cErr}</p></#if>
        </div>
        <button type="submit" class="fr-btn">${i18n("authoring.ui.password.new.submit")}</button>
      </form>
      </#if>
    </div>
  </div>
</div>
</@layout.page>
