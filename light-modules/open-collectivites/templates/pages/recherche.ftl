<#import "../site/layout.ftl" as layout>
<#import "../components/search-box.ftl" as search>
<#assign pageTitle = q?has_content?then(i18n("site.results.titleFor", q), title)>
<@layout.page title=pageTitle noindex=true>
<div class="fr-container fr-my-5w">
  <@layout.breadcrumb crumbs=[[title, "/recherche"]]/>
  <h1>${pageTitle}</h1>
  <@search.searchBox id="q" value=q large=false/>
  <#if q?has_content>
    <#if results?has_content>
    <p class="fr-mt-3w" id="resultats-nombre">${i18n("site.results.count", total)}</p>
    <ul class="oc-results" aria-labelledby="resultats-nombre">
      <#list results as hit>
      <li class="fr-mb-2w">
        <a class="fr-link fr-text--lg" href="${hit.pagePath}">${hit.nom}</a>
        <span class="fr-badge fr-badge--sm fr-ml-1w">${i18n("site.level." + hit.type)}</span>
        <p class="fr-text--sm fr-mb-0">
          ${i18n("site.results.code", hit.code)}<#if hit.departementNom?? && hit.type != "departement"> · ${hit.departementNom} (${hit.departement})</#if><#if hit.population??> · ${i18n("site.results.population", layout.number(hit.population))}</#if>
        </p>
      </li>
      </#list>
    </ul>
    <#else>
    <div class="fr-alert fr-alert--info fr-mt-3w">
      <p>${i18n("site.results.none", q)}</p>
    </div>
    </#if>
  <#else>
    <p class="fr-mt-3w">${i18n("site.results.empty")}</p>
  </#if>
</div>
</@layout.page>
