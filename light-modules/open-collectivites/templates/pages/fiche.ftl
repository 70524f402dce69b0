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
  <#list alerts![] as alert>
  <div class="fr-alert fr-alert--<#if (alert.severity!'') == 'alert'>error<#elseif (alert.severity!'') == 'warning'>warning<#else>info</#if> fr-mb-3w">
    <h2 class="fr-alert__title">${alert.title}</h2>
    <#-- rich text, sanitised when saved by the authoring API -->
    <div>${(alert.message!"")?no_esc}</div>
    <#if alert.link?has_content><p><a href="${alert.link}">${i18n("site.editorial.more")}</a></p></#if>
  </div>
  </#list>
  <#list callouts![] as callout>
  <div class="fr-callout fr-mb-3w">
    <h2 class="fr-callout__title">${callout.title}</h2>
    <div class="fr-callout__text">${(callout.message!"")?no_esc}</div>
    <#if callout.link?has_content><p><a class="fr-link" href="${callout.link}">${i18n("site.editorial.more")}</a></p></#if>
  </div>
  </#list>
  <@blocks.identity fiche/>
  <@blocks.territory fiche/>
  <@blocks.population fiche/>
  <@blocks.mairies fiche mairiesOpen/>
  <@blocks.elus fiche/>
  <@blocks.finances fiche charts/>
  <@blocks.composition fiche/>
  <@pubs.ficheSections groups=publicationGroups![] fiche=fiche/>
  <#if (demarches![])?has_content>
  <section class="fr-my-4w" aria-labelledby="demarches-titre">
    <h2 id="demarches-titre">${i18n("site.editorial.demarches")}</h2>
    <ul>
      <#list demarches as demarche>
      <li><a href="${demarche.url}">${demarche.title}</a><#if demarche.description?has_content> — ${demarche.description}</#if></li>
      </#list>
    </ul>
  </section>
  </#if>
  <@blocks.downloads fiche level/>
</div>
</@layout.page>
