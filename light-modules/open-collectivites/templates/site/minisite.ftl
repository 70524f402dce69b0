<#-- A mini-site page: its name and navigation, then the page's components in order (Magnolia page model). -->
<#import "layout.ftl" as layout>
<#macro page>
<@layout.page title="${title} – ${site.name}" canonical=path>
<div class="fr-container fr-my-5w oc-minisite<#if site.accent?has_content> oc-accent-${site.accent}</#if>">
  <p class="fr-text--lead fr-mb-1w"><#if site.logo?has_content><img class="fr-mr-2w" src="${site.logo}?w=320" alt="" height="48"></#if>${site.name}</p>
  <#if site.navigation?has_content>
  <nav class="fr-nav fr-mb-3w" role="navigation" aria-label="${i18n('minisites.navigation', site.name)}">
    <ul class="fr-nav__list">
      <#list site.navigation as item>
      <li class="fr-nav__item"><a class="fr-nav__link" href="${item.href}"<#if item.href == path> aria-current="page"</#if>>${item.title}</a></li>
      </#list>
    </ul>
  </nav>
  </#if>
  <h1>${title}</h1>
  <#list components as component>
    <#include "../components/minisite-" + component.type + ".ftl">
  </#list>
</div>
</@layout.page>
</#macro>
