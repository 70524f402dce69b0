<section class="fr-my-3w">
  <h2>${component.title?has_content?then(component.title, i18n("minisites.publications.title"))}</h2>
  <#assign query><#list component.themes as theme>theme=${theme?url}&amp;</#list><#list component.territories as territory>territory=${territory.key?url}&amp;</#list></#assign>
  <p><a class="fr-link" href="/publications?${query?no_esc}">${i18n("minisites.publications.link")}</a></p>
</section>
