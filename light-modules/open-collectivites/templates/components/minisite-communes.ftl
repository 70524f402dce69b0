<#-- The program's communes (site.ProgramCommunes): the mini-site's communes and its EPCI's members as a table,
     its départements and régions as links to their fiche and communes' list; optionally one département only. -->
<#import "../site/layout.ftl" as layout>
<#assign communesListing = component.communes>
<#function communesPlace name code><#return name?has_content?then(i18n("minisites.fiches.named", name, code), code)></#function>
<section class="fr-my-3w">
  <h2>${component.title?has_content?then(component.title, i18n("minisites.communes.title"))}</h2>
  <#if communesListing.communes?has_content>
  <div class="fr-table fr-table--sm">
    <div class="fr-table__wrapper"><div class="fr-table__container"><div class="fr-table__content">
    <table>
      <caption><#if communesListing.departement?has_content>${i18n("minisites.communes.captionDepartement", communesListing.total, communesPlace(communesListing.departementName, communesListing.departement))}<#else>${i18n("minisites.communes.caption", communesListing.total)}</#if></caption>
      <thead><tr><th scope="col">${i18n("minisites.communes.name")}</th><th scope="col">${i18n("minisites.communes.code")}</th><th scope="col">${i18n("minisites.communes.departementColumn")}</th><th scope="col">${i18n("minisites.communes.population")}</th></tr></thead>
      <tbody>
      <#list communesListing.communes as commune>
        <tr><th scope="row"><a href="${commune.href}">${commune.name}</a></th><td>${commune.code}</td><td>${communesPlace(commune.departementName, commune.departement)}</td><td class="oc-number">${layout.number(commune.population!)}</td></tr>
      </#list>
      </tbody>
    </table>
    </div></div></div>
  </div>
  <#if communesListing.truncated><p class="fr-text--sm">${i18n("minisites.communes.truncated", communesListing.communes?size, communesListing.total)}</p></#if>
  </#if>
  <#if communesListing.areas?has_content>
  <ul>
    <#list communesListing.areas as area>
    <li>${i18n("minisites.communes.area." + area.level)} <a href="${area.href}">${communesPlace(area.name, area.code)}</a>
      · <a href="${area.export}">${i18n("minisites.communes.areaDownload", communesPlace(area.name, area.code))}</a></li>
    </#list>
  </ul>
  </#if>
  <#if !communesListing.communes?has_content && !communesListing.areas?has_content>
  <p><#if communesListing.departement?has_content>${i18n("minisites.communes.noneInDepartement", communesPlace(communesListing.departementName, communesListing.departement))}<#else>${i18n("minisites.communes.none")}</#if></p>
  </#if>
</section>
