<#import "../site/layout.ftl" as layout>
<#import "../components/fiche-blocks.ftl" as blocks>
<#import "../components/publications.ftl" as pubs>
<#assign levelLabel = i18n("site.level." + fiche.type)>
<#assign description = i18n("site.fiche.description." + fiche.type, fiche.nom, fiche.code)>
<#assign crumbs = []>
<#if fiche.hierarchie?? && fiche.type != "region">
  <#if fiche.hierarchie.region?? && fiche.hierarchie.region.liens.page??><#assign crumbs = crumbs + [[fiche.hierarchie.region.nom, fiche.hierarchie.region.liens.page]]></#if>
  <#if fiche.type != "departement" && fiche.hierarchie.departement?? && fiche.hierarchie.departement.liens.page??><#assign crumbs = crumbs + [[fiche.hierarchie.departement.nom, fiche.hierarchie.departement.liens.page]]></#if>
</#if>
<@layout.page title=fiche.nom description=description canonical=pagePath jsonLd=jsonLd ogType="article">
<div class="fr-container fr-my-5w">
  <@layout.breadcrumb crumbs=crumbs + [[fiche.nom, pagePath]]/>
  <p class="fr-badge fr-badge--blue-france">${levelLabel}</p>
  <h1 class="fr-mt-1w">${fiche.nom}</h1>
  <p class="fr-text--lead">${description}</p>
  <@blocks.identity fiche/>
  <@blocks.territory fiche/>
  <@blocks.population fiche/>
  <@blocks.mairies fiche mairiesOpen/>
  <@blocks.elus fiche/>
  <@blocks.finances fiche charts/>
  <@blocks.composition fiche/>
  <@pubs.ficheSections groups=publicationGroups![] fiche=fiche/>
  <@blocks.downloads fiche level/>
</div>
</@layout.page>
