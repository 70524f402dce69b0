<#import "../site/layout.ftl" as layout>
<#import "../components/search-box.ftl" as search>
<#import "../site/pagination.ftl" as pagination>
<#assign pageTitle = q?has_content?then(i18n("site.results.titleFor", q), title)>
<#if q?has_content && (lastPage!1) gt 1><#assign pageTitle = i18n("site.results.titleForPage", q, currentPage, lastPage)></#if>
<@layout.page title=pageTitle noindex=true>
<div class="fr-container fr-my-5w">
  <@layout.breadcrumb crumbs=[[title, "/recherche"]]/>
  <h1>${pageTitle}</h1>
  <@search.searchBox id="q" value=q large=false/>
  <#if q?has_content>
    <#if results?has_content>
    <p class="fr-mt-3w" id="resultats-nombre">${i18n("site.results.count", total)}<#if lastPage gt 1> · ${i18n("site.results.range", firstRank, firstRank + results?size - 1)}</#if></p>
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
    <#if lastPage gt 1><@pagination.nav previous=previous next=next pages=pages/></#if>
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
