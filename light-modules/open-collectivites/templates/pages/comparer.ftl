<#import "../site/layout.ftl" as layout>
<@layout.page title=title description=i18n("site.compare.description") canonical="/comparer" current="comparer" noindex=fiches?has_content>
<div class="fr-container fr-my-5w">
  <@layout.breadcrumb crumbs=[[title, "/comparer"]]/>
  <h1>${title}</h1>
  <p>${i18n("site.compare.intro", min, max)}</p>
  <#if unknown?has_content>
  <div class="fr-alert fr-alert--warning fr-mb-3w" role="alert">
    <h2 class="fr-alert__title">${i18n("site.compare.unknownTitle")}</h2>
    <ul><#list unknown as text><li>${i18n("site.compare.unknown", text)}</li></#list></ul>
  </div>
  </#if>
  <#if tooMany>
  <div class="fr-alert fr-alert--warning fr-mb-3w" role="alert"><p>${i18n("site.compare.tooMany", max)}</p></div>
  </#if>
  <form action="/comparer" method="get" class="fr-mb-5w" id="formulaire-comparaison">
    <fieldset class="fr-fieldset">
      <legend class="fr-fieldset__legend">${i18n("site.compare.legend")}</legend>
      <#list 1..max as i>
      <#assign chosen = (i <= fiches?size)?then(fiches[i - 1], "")>
      <div class="fr-fieldset__element">
        <div class="fr-input-group oc-combobox">
          <label class="fr-label" for="c${i}">${i18n("site.compare.slot", i)}</label>
          <#if chosen?has_content>
          <input class="fr-input" type="text" id="c${i}" value="${chosen.nom}" autocomplete="off" data-oc-autocomplete="select" data-oc-listbox="c${i}-suggestions" data-oc-status="c${i}-status" data-oc-token="${tokens[i - 1]}">
          <input type="hidden" name="c" value="${tokens[i - 1]}">
          <#else>
          <input class="fr-input" type="text" id="c${i}" name="c" autocomplete="off" data-oc-autocomplete="select" data-oc-listbox="c${i}-suggestions" data-oc-status="c${i}-status">
          </#if>
          <ul class="oc-combobox__listbox" id="c${i}-suggestions" role="listbox" aria-label="${i18n("site.search.suggestions")}" hidden></ul>
          <div class="fr-sr-only" id="c${i}-status" role="status" aria-live="polite" aria-atomic="true"></div>
        </div>
      </div>
      </#list>
    </fieldset>
    <button class="fr-btn" type="submit">${i18n("site.compare.submit")}</button>
  </form>
  <#if fiches?size gte min>
  <div class="fr-table fr-table--no-caption" id="tableau-comparaison">
    <div class="fr-table__wrapper"><div class="fr-table__container"><div class="fr-table__content">
    <table>
      <caption>${i18n("site.compare.caption")}</caption>
      <thead>
        <tr>
          <td></td>
          <#list fiches as fiche><th scope="col"><a href="${fiche.pagePath}">${fiche.nom}</a></th></#list>
        </tr>
      </thead>
      <tbody>
        <tr><th scope="row">${i18n("site.compare.row.level")}</th><#list fiches as f><td>${i18n("site.level." + f.level.id())}</td></#list></tr>
        <tr><th scope="row">${i18n("site.compare.row.code")}</th><#list fiches as f><td>${f.code}</td></#list></tr>
        <#if comparison??>
        <#list comparison.indicateurs as row>
        <tr><th scope="row">${row.libelle}<#if row.annee??> — ${row.annee?c}</#if><#if row.unite?has_content> <span class="oc-unit">(${row.unite})</span></#if></th><#list row.valeurs as v><td class="oc-number"><#if v??>${v?string(",##0.##")}<#else>—</#if></td></#list></tr>
        </#list>
        </#if>
        <#list ["departement", "region", "epci"] as role>
        <tr><th scope="row">${i18n("site.role." + role)}</th><#list fiches as f><td><#assign link = f.parents?filter(l -> l.role == role)><#if link?has_content><a href="${link[0].href}">${link[0].nom}</a><#else>—</#if></td></#list></tr>
        </#list>
      </tbody>
    </table>
    </div></div></div>
  </div>
  <#if compareCharts?? && compareCharts.charts?has_content>
  <h2 class="fr-mt-4w">${i18n("site.compare.charts")}</h2>
  <#list compareCharts.charts as chart>
  <h3 class="fr-h6">${chart.libelle}<#if chart.annee??> — ${chart.annee?c}</#if></h3>
  <div class="oc-chart" aria-hidden="true">
    <svg viewBox="0 0 480 ${chart.bars?size * 30}" width="480" height="${chart.bars?size * 30}" focusable="false">
      <#list chart.bars as bar>
      <text x="0" y="${bar?index * 30 + 19}" class="oc-chart__label">${bar.nom}</text>
      <rect x="170" y="${bar?index * 30 + 6}" width="${bar.width}" height="18" class="oc-chart__bar"></rect>
      </#list>
    </svg>
  </div>
  <div class="fr-table fr-table--sm">
    <div class="fr-table__wrapper"><div class="fr-table__container"><div class="fr-table__content">
    <table>
      <caption>${i18n("site.compare.chartCaption", chart.libelle)}</caption>
      <thead><tr><th scope="col">${i18n("site.compare.collectivite")}</th><th scope="col">${i18n("site.compare.valeur")}<#if chart.unite?has_content> (${chart.unite})</#if></th></tr></thead>
      <tbody>
      <#list chart.bars as bar>
        <tr><th scope="row">${bar.nom}</th><td class="oc-number"><#if bar.valeur??>${bar.valeur?string(",##0.##")}<#else>—</#if></td></tr>
      </#list>
      </tbody>
    </table>
    </div></div></div>
  </div>
  </#list>
  </#if>
  <#if sources?? && sources?has_content>
  <p class="fr-text--xs oc-source">${i18n("site.fiche.sourceLabel")} <#list sources as src><#if src.url??><a href="${src.url}" target="_blank" rel="noopener" title="${i18n("site.newWindow", src.nom)}">${src.nom}</a><#else>${src.nom}</#if><#if src.millesime??>, ${i18n("site.fiche.vintage", src.millesime)}</#if><#sep> ; </#list>.</p>
  </#if>
  <ul class="fr-btns-group fr-btns-group--inline-md fr-btns-group--icon-left">
    <#if apiQuery??>
    <li><a class="fr-btn fr-btn--secondary fr-icon-download-line" href="/.rest/open-collectivites/v1/compare?${apiQuery}&amp;format=csv" download>${i18n("site.compare.downloadAllCsv")}</a></li>
    <li><a class="fr-btn fr-btn--secondary fr-icon-download-line" href="/.rest/open-collectivites/v1/compare?${apiQuery}&amp;format=json" download>${i18n("site.compare.downloadAllJson")}</a></li>
    </#if>
    <li><a class="fr-btn fr-btn--tertiary fr-icon-download-line" href="/comparer.csv?<#list tokens as t>c=${t?url}<#sep>&amp;</#list>" download>${i18n("site.compare.download")}</a></li>
  </ul>
  </#if>
</div>
</@layout.page>
