<#import "../site/layout.ftl" as layout>
<#import "../components/fiche-blocks.ftl" as blocks>
<#assign levelLabel = i18n("site.level." + fiche.level.contentType())>
<#assign description = i18n("site.fiche.description." + fiche.level.contentType(), fiche.nom, fiche.code)>
<#assign crumbs = []>
<#list fiche.parents?reverse as parent>
  <#if parent.role == "region" || parent.role == "departement"><#assign crumbs = crumbs + [[parent.nom, parent.href]]></#if>
</#list>
<@layout.page title=fiche.nom description=description canonical=fiche.pagePath jsonLd=jsonLd ogType="article">
<div class="fr-container fr-my-5w">
  <@layout.breadcrumb crumbs=crumbs + [[fiche.nom, fiche.pagePath]]/>
  <p class="fr-badge fr-badge--blue-france">${levelLabel}</p>
  <h1 class="fr-mt-1w">${fiche.nom}</h1>
  <p class="fr-text--lead">${description}</p>
  <@blocks.identity fiche/>
  <@blocks.territory fiche/>
  <@blocks.population fiche/>
  <@blocks.composition fiche/>
  <@blocks.downloads fiche csvHref/>
</div>
</@layout.page>
