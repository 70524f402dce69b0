<#import "../site/layout.ftl" as layout>
<#import "../authoring/ui.ftl" as ui>
<@layout.page title=title noindex=true>
<div class="fr-container fr-my-5w">
  <@ui.signedIn user=user csrf=csrf/>
  <p><a class="fr-link fr-icon-arrow-left-line fr-link--icon-left" href="${pageUrl}">${i18n("authoring.ui.component.back", pageTitle)}</a></p>
  <h1>${title}</h1>
  <@ui.messages/>
  <p>${i18n("authoring.ui.component.where", pageTitle, areaLabel)}</p>
  <p class="fr-text--sm">${i18n("authoring.ui.form.requiredNote")}</p>
  <form method="post" action="${action}" novalidate>
    <input type="hidden" name="csrf" value="${csrf}">
    <input type="hidden" name="type" value="${type}">
    <input type="hidden" name="zone" value="${area}">
    <#list fields as f><@ui.field f=f/></#list>
    <#if canEdit>
    <button type="submit" class="fr-btn fr-mt-2w">${creating?then(i18n("authoring.ui.component.add"), i18n("authoring.ui.form.action.save"))}</button>
    </#if>
  </form>
</div>
</@layout.page>
