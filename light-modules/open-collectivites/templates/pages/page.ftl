<#import "../site/layout.ftl" as layout>
<@layout.page title=title canonical=path>
<div class="fr-container fr-my-5w">
  <@layout.breadcrumb crumbs=[[title, path]]/>
  <h1>${title}</h1>
  <#list components as component>
    <#include "../components/minisite-" + component.type + ".ftl">
  </#list>
</div>
</@layout.page>
