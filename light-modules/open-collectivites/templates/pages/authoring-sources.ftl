<#import "../site/layout.ftl" as layout>
<#import "../authoring/ui.ftl" as ui>
<@layout.page title=title noindex=true>
<div class="fr-container fr-my-5w">
  <@ui.signedIn user=user csrf=csrf/>
  <p><a class="fr-link fr-icon-arrow-left-line fr-link--icon-left" href="/auteur/">${i18n("authoring.ui.form.back")}</a></p>
  <h1>${title}</h1>
  <p>${i18n("authoring.ui.sources.intro")}</p>
  <@ui.messages/>
  <p><a class="fr-link fr-icon-list-unordered fr-link--icon-left" href="/auteur/contenus/source">${i18n("authoring.ui.sources.create")}</a></p>
  <#if rows?has_content>
  <div class="fr-table"><table>
    <caption>${i18n("authoring.ui.sources.caption")}</caption>
    <thead><tr>
      <th scope="col">${i18n("authoring.ui.sources.col.source")}</th>
      <th scope="col">${i18n("authoring.ui.sources.col.kind")}</th>
      <th scope="col">${i18n("authoring.ui.sources.col.settings")}</th>
      <th scope="col">${i18n("authoring.ui.sources.col.lastRun")}</th>
      <th scope="col">${i18n("authoring.ui.sources.col.result")}</th>
      <th scope="col">${i18n("authoring.ui.sources.col.action")}</th>
    </tr></thead>
    <tbody>
    <#list rows as row>
      <#assign s = row.source>
      <tr id="source-${s.code}">
        <th scope="row"><a href="/auteur/contenus/source/sources/${s.code?url}">${s.name}</a><br><span class="fr-text--xs">${s.url!""}</span></th>
        <td><#if s.kind?? && (s.kind == "feed" || s.kind == "opendatasoft")>${i18n("authoring.ui.sources.kind." + s.kind)}<#else>${s.kind!""}</#if></td>
        <td>${s.enabled?then(i18n("authoring.ui.sources.enabled"), i18n("authoring.ui.sources.disabled"))}<br>${s.autoPublish?then(i18n("authoring.ui.sources.autoPublish"), i18n("authoring.ui.sources.review"))}</td>
        <td><#if row.lastRun?has_content><time datetime="${row.lastRunIso}">${row.lastRun}</time><#else>${i18n("authoring.ui.sources.never")}</#if></td>
        <td>
          <p class="fr-badge fr-badge--sm<#if row.status == "ok"> fr-badge--success<#elseif row.status == "error"> fr-badge--error<#elseif row.status == "notModified"> fr-badge--info</#if>">${i18n("authoring.ui.sources.status." + row.status)}</p>
          <#if s.lastItemCount??><br><span class="fr-text--sm">${i18n("authoring.ui.sources.items", s.lastItemCount)}</span></#if>
          <#if row.status == "error" && s.lastError??><p class="fr-text--sm fr-mb-0">${s.lastError}</p></#if>
        </td>
        <td>
          <#if s.mayHarvest>
          <form method="post" action="/auteur/sources/${s.code?url}/moissonner">
            <input type="hidden" name="csrf" value="${csrf}">
            <button type="submit" class="fr-btn fr-btn--secondary fr-btn--sm fr-icon-refresh-line fr-btn--icon-left">${i18n("authoring.ui.sources.harvest")}<span class="fr-sr-only"> ${i18n("authoring.ui.sources.harvestWhich", s.name)}</span></button>
          </form>
          <#else>
          <span class="fr-text--sm">${i18n("authoring.ui.sources.notAllowed")}</span>
          </#if>
        </td>
      </tr>
    </#list>
    </tbody>
  </table></div>
  <#else>
  <p>${i18n("authoring.ui.sources.none")}</p>
  </#if>
</div>
</@layout.page>
