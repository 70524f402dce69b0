<#-- Any signed-in author's own API tokens (AccountTokenResource). -->
<#import "../site/layout.ftl" as layout>
<#import "../authoring/ui.ftl" as ui>
<#import "../authoring/tokens.ftl" as ownTokens>
<@layout.page title=title noindex=true>
<div class="fr-container fr-my-5w">
  <@ui.signedIn user=user csrf=csrf/>
  <p><a class="fr-link fr-icon-arrow-left-line fr-link--icon-left" href="/auteur/">${i18n("authoring.ui.tokens.back")}</a></p>
  <h1>${title}</h1>
  <@ui.messages/>
  <@ownTokens.panel address=tokensUrl/>
</div>
</@layout.page>
