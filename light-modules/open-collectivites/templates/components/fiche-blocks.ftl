<#-- Blocks of a fiche page, from FicheService's fiche (docs/api.md "Fiches"). Each block names its
     source and vintage under it. -->
<#import "../site/layout.ftl" as layout>

<#macro source src="">
<#if src?has_content>
<p class="fr-text--xs oc-source">${i18n("site.fiche.sourceLabel")} <#if src.url??><a href="${src.url}" target="_blank" rel="noopener" title="${i18n("site.newWindow", src.nom)}">${src.nom}</a><#else>${src.nom}</#if><#if src.millesime??>, ${i18n("site.fiche.vintage", src.millesime)}</#if>.</p>
</#if>
</#macro>

<#macro ref territoire><#if territoire.liens?? && territoire.liens.page??><a href="${territoire.liens.page}">${territoire.nom}</a><#else>${territoire.nom}</#if></#macro>

<#macro identity fiche>
<#assign id = fiche.identite>
<section class="fr-mb-5w" aria-labelledby="bloc-identite">
  <h2 id="bloc-identite">${i18n("site.fiche.identity")}</h2>
  <dl class="oc-facts">
    <#if fiche.type == "epci">
      <dt>${i18n("site.fiche.siren")}</dt><dd>${fiche.code}</dd>
      <#if id.natureJuridiqueLibelle??><dt>${i18n("site.fiche.natureJuridique")}</dt><dd>${id.natureJuridiqueLibelle}</dd></#if>
      <#if id.modeFinancement??><dt>${i18n("site.fiche.modeFinancement")}</dt><dd>${i18n("site.epci.financement." + id.modeFinancement)}</dd></#if>
    <#else>
      <dt>${i18n("site.fiche.codeInsee")}</dt><dd>${id.code!fiche.code}</dd>
      <#if id.codesPostaux?? && id.codesPostaux?has_content><dt>${i18n("site.fiche.codesPostaux", id.codesPostaux?size)}</dt><dd>${id.codesPostaux?join(", ")}</dd></#if>
      <#if id.typecomLibelle??><dt>${i18n("site.fiche.typecom")}</dt><dd>${id.typecomLibelle}</dd></#if>
      <#if id.statuts?? && id.statuts?has_content><dt>${i18n("site.fiche.statuts")}</dt><dd>${id.statuts?map(s -> s.libelle)?join(", ")}</dd></#if>
      <#if id.siren??><dt>${i18n("site.fiche.siren")}</dt><dd>${id.siren}</dd></#if>
      <#if id.anciensNoms?? && id.anciensNoms?has_content><dt>${i18n("site.fiche.anciensNoms")}</dt><dd>${id.anciensNoms?join(", ")}</dd></#if>
      <#if id.anciensCodes?? && id.anciensCodes?has_content><dt>${i18n("site.fiche.anciensCodes")}</dt><dd>${id.anciensCodes?join(", ")}</dd></#if>
    </#if>
  </dl>
  <@source id.source!/>
</section>
</#macro>

<#macro territory fiche>
<#assign h = fiche.hierarchie!>
<#if h?has_content>
<#assign parents = [["communeParente", h.communeParente!], ["siege", h.siege!], ["epci", h.epci!], ["arrondissement", h.arrondissement!], ["departement", h.departement!], ["region", h.region!]]?filter(p -> p[1]?has_content)>
<#if parents?has_content>
<section class="fr-mb-5w" aria-labelledby="bloc-territoire">
  <h2 id="bloc-territoire">${i18n("site.fiche.territory")}</h2>
  <dl class="oc-facts">
    <#list parents as parent>
      <dt>${i18n("site.role." + parent[0])}</dt><dd><@ref parent[1]/></dd>
    </#list>
  </dl>
  <@source h.source!/>
</section>
</#if>
</#if>
</#macro>

<#macro population fiche>
<#assign p = fiche.population!>
<section class="fr-mb-5w" aria-labelledby="bloc-population">
  <h2 id="bloc-population">${i18n("site.fiche.population")}</h2>
  <#if p?has_content && p.municipale??>
  <div class="fr-grid-row fr-grid-row--gutters">
    <#list [["municipale", p.municipale!], ["totale", p.totale!], ["compteeAPart", p.compteeAPart!]] as figure>
    <#if figure[1]?is_number>
    <div class="fr-col-12 fr-col-md-4">
      <p class="oc-figure"><span class="oc-figure__value">${layout.number(figure[1])}</span>
        <span class="oc-figure__label">${i18n("site.fiche.population." + figure[0])}</span></p>
    </div>
    </#if>
    </#list>
  </div>
  <@source p.source!/>
  <#else>
  <p>${i18n("site.fiche.populationUnknown")}</p>
  </#if>
</section>
</#macro>

<#macro finances fiche charts>
<#if fiche.finances?? && charts.charts?has_content>
<section class="fr-mb-5w" aria-labelledby="bloc-finances">
  <h2 id="bloc-finances">${i18n("site.fiche.finances")}</h2>
  <#list charts.charts as chart>
  <h3 class="fr-h6" id="finances-${chart?index}">${chart.agregat}</h3>
  <div class="oc-chart" aria-hidden="true">
    <svg viewBox="0 0 ${chart.bars?size * 60} 140" width="${chart.bars?size * 60}" height="140" focusable="false">
      <#list chart.bars as bar>
      <rect x="${bar?index * 60 + 10}" y="${bar.y}" width="40" height="${bar.height}" class="oc-chart__bar"></rect>
      <text x="${bar?index * 60 + 30}" y="136" text-anchor="middle" class="oc-chart__label">${bar.exercice?c}</text>
      </#list>
    </svg>
  </div>
  <div class="fr-table fr-table--sm">
    <div class="fr-table__wrapper"><div class="fr-table__container"><div class="fr-table__content">
    <table>
      <caption>${i18n("site.fiche.finances.caption", chart.agregat)}</caption>
      <thead><tr><th scope="col">${i18n("site.fiche.finances.exercice")}</th><th scope="col">${i18n("site.fiche.finances.montant")}</th><th scope="col">${i18n("site.fiche.finances.parHabitant")}</th></tr></thead>
      <tbody>
      <#list chart.bars as bar>
        <tr><th scope="row">${bar.exercice?c}</th><td class="oc-number">${layout.number(bar.montant!)}</td><td class="oc-number">${layout.number(bar.euroParHabitant!)}</td></tr>
      </#list>
      </tbody>
    </table>
    </div></div></div>
  </div>
  </#list>
  <@source fiche.finances.source!/>
</section>
</#if>
</#macro>

<#macro elus fiche>
<#if fiche.elus??>
<section class="fr-mb-5w" aria-labelledby="bloc-elus">
  <h2 id="bloc-elus">${i18n("site.fiche.elus")}</h2>
  <#list [fiche.elus.maire!, fiche.elus.president!]?filter(e -> e?has_content) as elu>
  <p><strong>${elu.prenom!} ${elu.nom!}</strong>, ${elu.fonction!}<#if elu.debutFonction??><#assign d = elu.debutFonction.toString()?split("-")>, ${i18n("site.fiche.elus.since", d[2] + "/" + d[1] + "/" + d[0])}</#if></p>
  <@source elu.source!/>
  </#list>
</section>
</#if>
</#macro>

<#macro composition fiche>
<#assign h = fiche.hierarchie!>
<#if h?has_content>
<#list [["membres", h.membres!], ["communesDeleguees", h.communesDeleguees!], ["communesAssociees", h.communesAssociees!], ["arrondissementsMunicipaux", h.arrondissementsMunicipaux!], ["departements", h.departements!], ["arrondissements", h.arrondissements!], ["intercommunalites", h.intercommunalites!], ["communes", h.communes!]] as list>
<#if list[1]?has_content && list[1].total gt 0>
<section class="fr-mb-5w" aria-labelledby="liste-${list[0]}">
  <h2 id="liste-${list[0]}">${i18n("site.fiche.list." + list[0], list[1].total)}</h2>
  <#if list[1].items??>
  <ul class="oc-columns">
    <#list list[1].items as item><li><@ref item/></li></#list>
  </ul>
  </#if>
  <#if list[1].export??><p><a class="fr-link fr-link--download" href="${list[1].export}" download>${i18n("site.fiche.list.export")} <span class="fr-link__detail">CSV</span></a></p></#if>
</section>
</#if>
</#list>
</#if>
</#macro>

<#macro downloads fiche level>
<section class="fr-mb-5w" aria-labelledby="bloc-telechargements">
  <h2 id="bloc-telechargements">${i18n("site.fiche.downloads")}</h2>
  <ul class="oc-downloads">
    <#if fiche.liens.csv??><li><a class="fr-link fr-link--download" href="${fiche.liens.csv}" download>${i18n("site.fiche.downloadCsv")} <span class="fr-link__detail">${i18n("site.fiche.downloadCsv.detail")}</span></a></li></#if>
    <#if fiche.liens.json??><li><a class="fr-link fr-link--download" href="${fiche.liens.json}" download>${i18n("site.fiche.downloadJson")} <span class="fr-link__detail">${i18n("site.fiche.downloadJson.detail")}</span></a></li></#if>
  </ul>
  <p class="fr-mt-3w"><a class="fr-btn fr-btn--secondary" href="/comparer?c=${level.section()}/${fiche.key}">${i18n("site.fiche.compare")}</a></p>
</section>
</#macro>

<#macro mairies fiche open>
<#if fiche.mairies?? && fiche.mairies?has_content>
<section class="fr-mb-5w" aria-labelledby="bloc-mairies">
  <h2 id="bloc-mairies">${i18n("site.fiche.mairies")}</h2>
  <#list fiche.mairies as mairie>
  <div class="fr-mb-4w">
    <h3 class="fr-h5 fr-mb-1w">${mairie.nom}<#if mairie.deleguee> <span class="fr-badge fr-badge--sm">${i18n("site.fiche.mairies.deleguee")}</span></#if></h3>
    <#if mairie.horaires?has_content>
    <p><#if open[mairie?index]><span class="fr-badge fr-badge--success">${i18n("site.fiche.mairies.open")}</span><#else><span class="fr-badge fr-badge--info">${i18n("site.fiche.mairies.closed")}</span></#if></p>
    </#if>
    <address class="fr-mb-2w">
      <#if mairie.adresse??>${mairie.adresse}<br></#if><#if mairie.codePostal?? || mairie.commune??>${mairie.codePostal!} ${mairie.commune!}<br></#if>
      <#if mairie.telephone??>${i18n("site.fiche.mairies.phone")} <a href="tel:${mairie.telephone?replace(" ", "")}">${mairie.telephone}</a><br></#if>
      <#if mairie.email??>${i18n("site.fiche.mairies.email")} <a href="mailto:${mairie.email}">${mairie.email}</a><br></#if>
      <#if mairie.siteInternet??><a href="${mairie.siteInternet}" target="_blank" rel="noopener" title="${i18n("site.newWindow", mairie.siteInternet)}">${mairie.siteInternet}</a></#if>
    </address>
    <#if mairie.horaires?has_content>
    <div class="fr-table fr-table--sm">
      <div class="fr-table__wrapper"><div class="fr-table__container"><div class="fr-table__content">
      <table>
        <caption>${i18n("site.fiche.mairies.hours", mairie.nom)}</caption>
        <thead><tr><th scope="col">${i18n("site.fiche.mairies.days")}</th><th scope="col">${i18n("site.fiche.mairies.times")}</th></tr></thead>
        <tbody>
        <#list mairie.horaires as h>
          <tr><th scope="row">${h.fromDay?cap_first}<#if h.toDay != h.fromDay> ${i18n("site.fiche.mairies.to")} ${h.toDay}</#if></th>
            <td>${h.ranges?map(r -> r.format()?replace("-", " – "))?join(", ")}<#if h.comment??><#if h.ranges?has_content> · </#if>${h.comment}</#if></td></tr>
        </#list>
        </tbody>
      </table>
      </div></div></div>
    </div>
    </#if>
    <p class="fr-text--xs oc-source">${i18n("site.fiche.sourceLabel")} ${mairie.source!i18n("site.fiche.mairies.source")}<#if mairie.miseAJour??><#assign d = mairie.miseAJour.toString()?split("-")>, ${i18n("site.fiche.mairies.updated", d[2] + "/" + d[1] + "/" + d[0])}</#if>.</p>
  </div>
  </#list>
</section>
</#if>
</#macro>
