<#import "../site/layout.ftl" as layout>
<#import "../authoring/ui.ftl" as ui>
<@layout.page title=title noindex=true>
<div class="fr-container fr-my-5w">
  <#if user??><@ui.signedIn user=user csrf=csrf/></#if>
  <h1>${title}</h1>
  <@ui.messages/>
  <p><a class="fr-link fr-icon-arrow-left-line fr-link--icon-left" href="/auteur/">${i18n("authoring.ui.form.back")}</a></p>
</div>
</@layout.page>
