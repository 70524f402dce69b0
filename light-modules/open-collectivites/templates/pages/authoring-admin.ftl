<#import "../site/layout.ftl" as layout>
<#import "../authoring/admin.ftl" as admin>
<@layout.page title=title noindex=true>
<@admin.page>
  <p>${i18n("authoring.ui.admin.intro")}</p>
</@admin.page>
</@layout.page>
