<section class="fr-my-3w">
  <h2>${component.title?has_content?then(component.title, i18n("minisites.fiches.title"))}</h2>
  <ul>
    <#list component.territories as territory>
    <li><a href="${territory.href}"><#if territory.name?has_content>${i18n("minisites.fiches.named", territory.name, territory.code)}<#else>${i18n("minisites.fiches.link", territory.code)}</#if></a></li>
    </#list>
  </ul>
</section>
