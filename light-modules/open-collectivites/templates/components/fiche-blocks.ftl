<#-- Blocks of a fiche page. Each block names its source and vintage under it. -->
<#import "../site/layout.ftl" as layout>

<#macro source text>
<p class="fr-text--xs oc-source">${i18n("site.fiche.sourceLabel")} ${text}</p>
</#macro>

<#macro identity fiche>
<#assign v = fiche.values>
<section class="fr-mb-5w" aria-labelledby="bloc-identite">
  <h2 id="bloc-identite">${i18n("site.fiche.identity")}</h2>
  <dl class="oc-facts">
    <#if fiche.level == "EPCI">
      <dt>${i18n("site.fiche.siren")}</dt><dd>${fiche.code}</dd>
      <#if v.natureJuridique??><dt>${i18n("site.fiche.natureJuridique")}</dt><dd>${i18n("site.epci.nature." + v.natureJuridique)}</dd></#if>
      <#if v.modeFinancement??><dt>${i18n("site.fiche.modeFinancement")}</dt><dd>${i18n("site.epci.financement." + v.modeFinancement)}</dd></#if>
      <#if v.nombreMembres??><dt>${i18n("site.fiche.nombreMembres")}</dt><dd>${layout.number(v.nombreMembres)}</dd></#if>
    <#else>
      <dt>${i18n("site.fiche.codeInsee")}</dt><dd>${fiche.code}</dd>
      <#if v.typecom??><dt>${i18n("site.fiche.typecom")}</dt><dd>${i18n("site.typecom." + v.typecom)}</dd></#if>
      <#if v.siren??><dt>${i18n("site.fiche.siren")}</dt><dd>${v.siren}</dd></#if>
      <#if v.anciensNoms?? && v.anciensNoms?has_content><dt>${i18n("site.fiche.anciensNoms")}</dt><dd>${v.anciensNoms?join(", ")}</dd></#if>
      <#if v.anciensCodes?? && v.anciensCodes?has_content><dt>${i18n("site.fiche.anciensCodes")}</dt><dd>${v.anciensCodes?join(", ")}</dd></#if>
    </#if>
  </dl>
  <#if fiche.level == "EPCI">
    <@source v.millesime???then(i18n("site.source.epci", (v.millesime!0)?c), i18n("site.source.epciNoVintage"))/>
  <#else>
    <@source v.millesimeCog???then(i18n("site.source.cog", (v.millesimeCog!0)?c), i18n("site.source.cogNoVintage"))/>
  </#if>
</section>
</#macro>

<#macro territory fiche>
<#if fiche.parents?has_content>
<section class="fr-mb-5w" aria-labelledby="bloc-territoire">
  <h2 id="bloc-territoire">${i18n("site.fiche.territory")}</h2>
  <dl class="oc-facts">
    <#list fiche.parents as parent>
      <dt>${i18n("site.role." + parent.role)}</dt><dd><a href="${parent.href}">${parent.nom}</a></dd>
    </#list>
  </dl>
  <@source i18n((fiche.level == "EPCI")?then("site.source.epciShort", "site.source.cogShort"))/>
</section>
</#if>
</#macro>

<#macro population fiche>
<#assign v = fiche.values>
<section class="fr-mb-5w" aria-labelledby="bloc-population">
  <h2 id="bloc-population">${i18n("site.fiche.population")}</h2>
  <#if v.population??>
  <div class="fr-grid-row fr-grid-row--gutters">
    <div class="fr-col-12 fr-col-md-4">
      <p class="oc-figure"><span class="oc-figure__value">${layout.number(v.population)}</span>
        <span class="oc-figure__label">${i18n("site.fiche.populationMunicipale")}</span></p>
    </div>
    <#if v.populationTotale??>
    <div class="fr-col-12 fr-col-md-4">
      <p class="oc-figure"><span class="oc-figure__value">${layout.number(v.populationTotale)}</span>
        <span class="oc-figure__label">${i18n("site.fiche.populationTotale")}</span></p>
    </div>
    </#if>
    <#if v.populationCompteeAPart??>
    <div class="fr-col-12 fr-col-md-4">
      <p class="oc-figure"><span class="oc-figure__value">${layout.number(v.populationCompteeAPart)}</span>
        <span class="oc-figure__label">${i18n("site.fiche.populationCompteeAPart")}</span></p>
    </div>
    </#if>
  </div>
  <#else>
  <p>${i18n("site.fiche.populationUnknown")}</p>
  </#if>
  <#if fiche.level == "EPCI">
    <@source v.millesime???then(i18n("site.source.epci", (v.millesime!0)?c), i18n("site.source.epciNoVintage"))/>
  <#elseif v.millesimePopulation??>
    <@source i18n("site.source.population", v.millesimePopulation?c)/>
  <#else>
    <@source i18n("site.source.populationSum")/>
  </#if>
</section>
</#macro>

<#macro composition fiche>
<#if fiche.children?has_content>
<section class="fr-mb-5w" aria-labelledby="bloc-composition">
  <h2 id="bloc-composition">${i18n("site.fiche.composition." + fiche.level.contentType(), fiche.children?size)}</h2>
  <ul class="oc-columns">
    <#list fiche.children as child>
    <li><a href="${child.href}">${child.nom}</a><#if child.role?contains(".") && !child.role?ends_with(".COM")> <span class="fr-text--xs">(${i18n("site.role." + child.role)})</span></#if></li>
    </#list>
  </ul>
</section>
</#if>
</#macro>

<#macro downloads fiche csvHref>
<section class="fr-mb-5w" aria-labelledby="bloc-telechargements">
  <h2 id="bloc-telechargements">${i18n("site.fiche.downloads")}</h2>
  <ul class="oc-downloads">
    <li><a class="fr-link fr-link--download" href="${csvHref}" download>${i18n("site.fiche.downloadCsv")} <span class="fr-link__detail">${i18n("site.fiche.downloadCsv.detail")}</span></a></li>
    <li><a class="fr-link fr-link--download" href="${fiche.apiPath}" type="application/json">${i18n("site.fiche.downloadJson")} <span class="fr-link__detail">${i18n("site.fiche.downloadJson.detail")}</span></a></li>
  </ul>
  <p class="fr-mt-3w"><a class="fr-btn fr-btn--secondary" href="/comparer?c=${fiche.level.section()}/${fiche.key}">${i18n("site.fiche.compare")}</a></p>
</section>
</#macro>
