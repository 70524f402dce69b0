<section class="fr-my-3w">
  <h2>${component.title?has_content?then(component.title, i18n("minisites.communes.title"))}</h2>
  <#if component.departement?has_content>
  <p><a class="fr-link" href="/departements/${component.departement}">${i18n("minisites.communes.departement", component.departement)}</a>
   · <a class="fr-link" href="/.rest/open-collectivites/v1/exports/departements/${component.departement}/communes.csv">${i18n("minisites.communes.download")}</a></p>
  </#if>
  <ul>
    <#list component.territories as territory>
    <li><a href="${territory.href}">${territory.code}</a></li>
    </#list>
  </ul>
</section>
