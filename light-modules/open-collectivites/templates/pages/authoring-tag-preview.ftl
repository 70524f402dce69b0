<#import "../site/layout.ftl" as layout>
<#import "../authoring/ui.ftl" as ui>
<@layout.page title=title noindex=true>
<div class="fr-container fr-my-5w">
  <@ui.signedIn user=user csrf=csrf/>
  <p><a class="fr-link fr-icon-arrow-left-line fr-link--icon-left" href="/auteur/">${i18n("authoring.ui.form.back")}</a></p>
  <h1>${title}</h1>
  <p>${i18n("authoring.ui.tagPreview.intro")}</p>
  <@ui.messages/>
  <form method="post" action="/auteur/etiquetage" class="fr-mb-5w">
    <input type="hidden" name="csrf" value="${csrf}">
    <div class="fr-input-group">
      <label class="fr-label" for="titre">${i18n("authoring.ui.tagPreview.titleLabel")}
        <span class="fr-hint-text">${i18n("authoring.ui.tagPreview.titleHint", maxTitle)}</span></label>
      <input class="fr-input" type="text" id="titre" name="titre" value="${titre}" maxlength="${maxTitle?c}">
    </div>
    <div class="fr-input-group">
      <label class="fr-label" for="resume">${i18n("authoring.ui.tagPreview.summaryLabel")}
        <span class="fr-hint-text">${i18n("authoring.ui.tagPreview.summaryHint", maxSummary)}</span></label>
      <textarea class="fr-input" id="resume" name="resume" rows="8" maxlength="${maxSummary?c}">${resume}</textarea>
    </div>
    <button type="submit" class="fr-btn">${i18n("authoring.ui.tagPreview.submit")}</button>
  </form>
  <#if result??>
  <#assign sections = {"commune": "communes", "epci": "epci", "departement": "departements", "region": "regions"}>
  <section aria-labelledby="etiquettes">
    <h2 id="etiquettes">${i18n("authoring.ui.tagPreview.results")}</h2>
    <h3 id="territoires">${i18n("authoring.ui.tagPreview.territories", result.territories?size)}</h3>
    <#if result.territories?has_content>
    <div class="fr-table"><table>
      <caption class="fr-sr-only">${i18n("authoring.ui.tagPreview.territoriesCaption")}</caption>
      <thead><tr>
        <th scope="col">${i18n("authoring.ui.tagPreview.col.territory")}</th>
        <th scope="col">${i18n("authoring.ui.tagPreview.col.key")}</th>
        <th scope="col">${i18n("authoring.ui.tagPreview.col.words")}</th>
        <th scope="col">${i18n("authoring.ui.tagPreview.col.why")}</th>
      </tr></thead>
      <tbody>
      <#list result.territories as t>
        <#assign section = sections[t.key?keep_before(":")]!"">
        <tr><th scope="row"><#if section?has_content><a href="/${section}/${t.key?keep_after(":")}">${t.name}</a><#else>${t.name}</#if></th><td><code>${t.key}</code></td><td>« ${t.words} »</td><td>${t.reason}</td></tr>
      </#list>
      </tbody>
    </table></div>
    <#else>
    <p>${i18n("authoring.ui.tagPreview.noTerritory")}</p>
    </#if>
    <h3 id="thematiques">${i18n("authoring.ui.tagPreview.themes", result.themes?size)}</h3>
    <#if result.themes?has_content>
    <div class="fr-table"><table>
      <caption class="fr-sr-only">${i18n("authoring.ui.tagPreview.themesCaption")}</caption>
      <thead><tr>
        <th scope="col">${i18n("authoring.ui.tagPreview.col.theme")}</th>
        <th scope="col">${i18n("authoring.ui.tagPreview.col.key")}</th>
        <th scope="col">${i18n("authoring.ui.tagPreview.col.keywords")}</th>
      </tr></thead>
      <tbody>
      <#list result.themes as t>
        <tr><th scope="row"><a href="/publications?theme=${t.code?url}">${t.name}</a></th><td><code>${t.code}</code></td><td><#list t.keywords as k>« ${k} »<#sep>, </#list></td></tr>
      </#list>
      </tbody>
    </table></div>
    <#else>
    <p>${i18n("authoring.ui.tagPreview.noTheme")}</p>
    </#if>
    <#if result.ignored?has_content>
    <h3 id="ecartes">${i18n("authoring.ui.tagPreview.ignored", result.ignored?size)}</h3>
    <div class="fr-table"><table>
      <caption class="fr-sr-only">${i18n("authoring.ui.tagPreview.ignoredCaption")}</caption>
      <thead><tr>
        <th scope="col">${i18n("authoring.ui.tagPreview.col.words")}</th>
        <th scope="col">${i18n("authoring.ui.tagPreview.col.why")}</th>
      </tr></thead>
      <tbody>
      <#list result.ignored as i>
        <tr><th scope="row">« ${i.words} »</th><td>${i.reason}</td></tr>
      </#list>
      </tbody>
    </table></div>
    </#if>
    <p class="fr-text--sm">${i18n("authoring.ui.tagPreview.note")}</p>
  </section>
  </#if>
</div>
</@layout.page>
