<#import "../site/layout.ftl" as layout>
<#import "../authoring/ui.ftl" as ui>
<@layout.page title=title noindex=true>
<div class="fr-container fr-my-5w">
  <@ui.signedIn user=user csrf=csrf/>
  <h1>${title}</h1>
  <div class="fr-alert fr-alert--error fr-mb-3w" role="alert"><p>${message}</p></div>
  <p><a class="fr-link fr-icon-arrow-left-line fr-link--icon-left" href="/auteur/">${i18n("authoring.ui.admin.back")}</a></p>
</div>
</@layout.page>
