<section class="fr-my-3w">
  <#if component.title?has_content><h2>${component.title}</h2></#if>
  <#-- rich text is sanitised when it is saved (OWASP policy of the authoring API) -->
  <div>${component.text?no_esc}</div>
</section>
