<#import "../site/layout.ftl" as layout>
<#import "../authoring/admin.ftl" as admin>
<#import "../authoring/tokens.ftl" as ownTokens>
<@layout.page title=title noindex=true>
<@admin.page>
  <@ownTokens.panel address=tokensUrl/>
</@admin.page>
</@layout.page>
