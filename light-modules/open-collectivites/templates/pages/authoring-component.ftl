<#import "../site/layout.ftl" as layout>
<#import "../authoring/ui.ftl" as ui>
<@layout.page title=title noindex=true>
<link rel="stylesheet" href="${res}/quill/quill.core.css">
<link rel="stylesheet" href="${res}/css/authoring.css">
<div class="fr-container fr-my-5w">
  <@ui.signedIn user=user csrf=csrf/>
  <p><a class="fr-link fr-icon-arrow-left-line fr-link--icon-left" href="${pageUrl}">${i18n("authoring.ui.component.back", pageTitle)}</a></p>
  <h1>${title}</h1>
  <@ui.messages/>
  <p>${i18n("authoring.ui.component.where", pageTitle, areaLabel)}</p>
  <p class="fr-text--sm">${i18n("authoring.ui.form.requiredNote")}</p>
  <form method="post" action="${action}" enctype="multipart/form-data" novalidate>
    <input type="hidden" name="csrf" value="${csrf}">
    <input type="hidden" name="type" value="${type}">
    <input type="hidden" name="zone" value="${area}">
    <#list fields as f><@ui.field f=f/></#list>
    <#if canEdit>
    <button type="submit" class="fr-btn fr-mt-2w" name="action" value="save">${creating?then(i18n("authoring.ui.component.add"), i18n("authoring.ui.form.action.save"))}</button>
    </#if>
  </form>
</div>
<script src="${res}/quill/quill.js" defer></script>
<script src="${res}/js/authoring-form.js" defer></script>
</@layout.page>
