<#-- A mini-site's settings (MiniSiteSettingsResource): the generated fields of the minisite type (the logo
     picker with its upload for those who may add files to the site's folder), the DSFR accent colour and the
     navigation (pages in order), saved to the draft and published. -->
<#import "../site/layout.ftl" as layout>
<#import "../authoring/ui.ftl" as ui>
<@layout.page title=title noindex=true>
<div class="fr-container fr-my-5w">
  <@ui.signedIn user=user csrf=csrf/>
  <p><a class="fr-link fr-icon-arrow-left-line fr-link--icon-left" href="${pagesUrl}">${i18n("authoring.ui.settings.back")}</a></p>
  <h1>${title}</h1>
  <@ui.messages/>
  <p>${i18n("authoring.ui.settings.status", status)} · <a class="fr-link" href="${publicUrl}">${i18n("authoring.ui.settings.public")}</a></p>
  <#if canEdit>
  <p class="fr-text--sm">${i18n("authoring.ui.form.requiredNote")}</p>
  <form method="post" action="${action}" enctype="multipart/form-data" novalidate>
    <input type="hidden" name="csrf" value="${csrf}">
    <#list fields as f><@ui.field f=f/></#list>
    <div class="fr-select-group<#if accentError?has_content> fr-select-group--error</#if>">
      <label class="fr-label" for="accent">${i18n("authoring.ui.settings.accent")}
        <span class="fr-hint-text">${i18n("authoring.ui.settings.accentHint")}</span></label>
      <select class="fr-select" id="accent" name="accent"<#if accentError?has_content> aria-describedby="accent-erreur" aria-invalid="true"</#if>>
        <option value="">${i18n("authoring.ui.settings.accentNone")}</option>
        <#list accents as a><option value="${a.value}"<#if a.selected> selected</#if>>${a.label}</option></#list>
      </select>
      <#if accentError?has_content><p class="fr-error-text" id="accent-erreur">${accentError}</p></#if>
    </div>
    <fieldset class="fr-fieldset<#if navigationError?has_content> fr-fieldset--error</#if>" id="navigation" aria-labelledby="navigation-legende<#if navigationError?has_content> navigation-erreur</#if>">
      <legend class="fr-fieldset__legend" id="navigation-legende">${i18n("authoring.ui.settings.navigation")}
        <span class="fr-hint-text">${i18n("authoring.ui.settings.navigationHint")}</span></legend>
      <#list navigation as chosen>
      <div class="fr-fieldset__element">
        <div class="fr-select-group">
          <label class="fr-label" for="navigation-${chosen?index}">${i18n("authoring.ui.settings.navigationItem", chosen?counter)}</label>
          <select class="fr-select" id="navigation-${chosen?index}" name="navigation.${chosen?index}">
            <option value="">${i18n("authoring.ui.settings.navigationNone")}</option>
            <#list pageChoices as p><option value="${p.value}"<#if p.value == chosen> selected</#if>>${p.label}</option></#list>
          </select>
        </div>
      </div>
      </#list>
      <#if navigationError?has_content><div class="fr-messages-group"><p class="fr-message fr-message--error" id="navigation-erreur">${navigationError}</p></div></#if>
    </fieldset>
    <ul class="fr-btns-group fr-btns-group--inline-md">
      <li><button type="submit" class="fr-btn fr-btn--secondary" name="action" value="save">${i18n("authoring.ui.form.action.save")}</button></li>
      <#if canPublish><li><button type="submit" class="fr-btn" name="action" value="publish">${i18n("authoring.ui.settings.publish")}</button></li></#if>
    </ul>
  </form>
  </#if>
</div>
</@layout.page>
