<?xml version="1.0" encoding="UTF-8"?>
<!-- A register page: persons (listPerson), places (listPlace) or organisations (listOrg)
     of every document, chosen by $kind. Each entry has its names, note, authority links,
     how often the texts mention it and, per document, the first mention in its context.
     Input: the edition listing of site records (site-summary.xsl), with the mentions'
     contexts quoted in them, each record cut down to what this page reads
     (register_record in tei/site_listing.py: a part read here must be kept there). An
     entry in several documents appears once, as the first document of the listing (the
     order of the inputs) gives it. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:e="urn:tei-edition:site"
    xmlns:f="urn:tei-edition:functions"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <xsl:include href="html/frame.xsl"/>

  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no"
      include-content-type="no"/>

  <!-- person, place or org -->
  <xsl:param name="kind" as="xs:string" select="'person'"/>

  <xsl:variable name="register" as="map(xs:string, xs:string)" select="map{
      'person': map{'page': 'persons', 'heading': 'Persons', 'name': 'persName',
                    'lede': 'Everyone the documents mention by name, with the documents that mention them.'},
      'place': map{'page': 'places', 'heading': 'Places', 'name': 'placeName',
                   'lede': 'The places the documents mention, with the documents that mention them.'},
      'org': map{'page': 'organisations', 'heading': 'Organisations', 'name': 'orgName',
                 'lede': 'The organisations and bodies the documents mention, with the documents that mention them.'}
      }($kind)"/>

  <!-- The names in the documents' texts by the entry they point to, one index for the
       whole listing instead of a walk through every text for every entry. -->
  <xsl:key name="mentions" match="(tei:persName | tei:placeName | tei:orgName)[@ref][ancestor::tei:text]"
      use="tokenize(@ref)"/>

  <!-- The documents' register entries by id, of any kind (the template keeps those of
       $kind), so that an entry's spellings come from the documents that list it rather
       than from a walk through every document's header for every entry. -->
  <xsl:key name="listed" match="/e:edition/e:document/tei:TEI/tei:teiHeader//*[@xml:id]"
      use="string(@xml:id)"/>

  <xsl:template match="/">
    <xsl:variable name="documents" select="f:chronological(.)"/>
    <xsl:variable name="entries" as="element()*">
      <xsl:for-each-group select="$documents/tei:TEI/tei:teiHeader//*[local-name() = $kind]
          [parent::tei:listPerson | parent::tei:listPlace | parent::tei:listOrg][@xml:id]"
          group-by="string(@xml:id)">
        <xsl:sequence select="f:full(current-group()[1])"/>
      </xsl:for-each-group>
    </xsl:variable>
    <xsl:call-template name="page">
      <xsl:with-param name="lang" select="'en'"/>
      <xsl:with-param name="title" select="$site-title || ': ' || lower-case($register?heading)"/>
      <xsl:with-param name="class" select="$register?page || '-page register-page'"/>
      <xsl:with-param name="current" select="$register?page"/>
      <xsl:with-param name="tei" select="$documents[1]/tei:TEI"/>
      <xsl:with-param name="documents" select="$documents" tunnel="yes"/>
      <xsl:with-param name="entries" select="$entries" tunnel="yes"/>
    </xsl:call-template>
  </xsl:template>

  <!-- The main element of the page (see the page template in html/frame.xsl). -->
  <xsl:template match="/" mode="page-main">
    <xsl:param name="documents" as="element(e:document)*" tunnel="yes"/>
    <xsl:param name="entries" as="element()*" tunnel="yes"/>
    <h1><xsl:value-of select="$register?heading"/></h1>
    <p class="lede"><xsl:value-of select="$register?lede"/></p>
    <xsl:variable name="sorted" select="sort($entries, (),
        function($p) { (lower-case(f:sort-name($p)), string($p/@xml:id)) })"/>
    <xsl:choose>
      <xsl:when test="empty($sorted)">
        <p>The documents name none.</p>
      </xsl:when>
      <xsl:otherwise>
        <nav class="name-index" aria-label="Names in the register">
          <ul>
            <xsl:for-each select="$sorted">
              <li><a href="#{@xml:id}"><xsl:value-of select="f:main-name(.)"/></a></li>
            </xsl:for-each>
          </ul>
        </nav>
        <ul class="register">
          <!-- Each document's place in the chronological order, worked out once:
               an entry then orders only the documents that mention it. -->
          <xsl:apply-templates select="$sorted">
            <xsl:with-param name="order" select="map:merge(
                $documents ! map{generate-id(.): position()})"/>
          </xsl:apply-templates>
        </ul>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:function name="f:names" as="element()*">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="$entry/*[local-name() = $register?name]"/>
  </xsl:function>

  <xsl:function name="f:main-name" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="normalize-space(string((f:names($entry)[@type = 'main'],
        f:names($entry), $entry/@xml:id)[1]))"/>
  </xsl:function>

  <!-- Persons by surname; places and bodies by name without a leading article. -->
  <xsl:function name="f:sort-name" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="main" select="(f:names($entry)[@type = 'main'], f:names($entry))[1]"/>
    <xsl:sequence select="replace(normalize-space(string-join(($main/tei:surname,
        $main/tei:forename, f:main-name($entry)), ' ')), '^(the|The)\s+', '')"/>
  </xsl:function>

  <xsl:template match="tei:person | tei:place | tei:org">
    <xsl:param name="order" as="map(xs:string, xs:integer)"/>
    <xsl:variable name="id" select="string(@xml:id)"/>
    <xsl:variable name="main" select="f:main-name(.)"/>
    <xsl:variable name="all" select="key('mentions', '#' || $id)[local-name() = $register?name]"/>
    <xsl:variable name="by-document" select="map:merge(
        $all ! map{generate-id(ancestor::e:document): .}, map{'duplicates': 'combine'})"/>
    <!-- The documents that mention the entry, oldest first: only these, not every
         document of the edition, so an entry costs as much as its mentions. -->
    <xsl:variable name="cited" select="sort($all/ancestor::e:document, (),
        function($d) { $order(generate-id($d)) }) ! map{
        'document': ., 'mentions': $by-document(generate-id(.))}"/>
    <li class="{$kind}" id="{$id}">
      <h2><xsl:value-of select="$main"/></h2>
      <!-- Spellings from every document that lists the entry, in order of first use. -->
      <xsl:variable name="variants" select="distinct-values(
          f:full(key('listed', $id)[local-name() = $kind])
          /*[local-name() = $register?name][not(@type = 'main')] ! normalize-space(.))[. ne $main]"/>
      <xsl:if test="exists($variants)">
        <p class="variants"><span class="field">Also written: </span>
          <xsl:value-of select="$variants" separator="; "/>
        </p>
      </xsl:if>
      <xsl:for-each select="tei:note">
        <p class="role"><xsl:value-of select="normalize-space(.)"/></p>
      </xsl:for-each>
      <xsl:for-each select="tei:idno[normalize-space()]">
        <p class="authority">
          <xsl:choose>
            <xsl:when test="@type = 'wikidata'">
              <a href="{f:web-href(f:wikidata-url(.))}">Wikidata <xsl:value-of select="normalize-space(.)"/></a>
            </xsl:when>
            <xsl:when test="exists(f:web-href(.))">
              <a href="{f:web-href(.)}"><xsl:value-of select="(@type, 'Authority record')[1]"/></a>
            </xsl:when>
            <xsl:otherwise>
              <xsl:value-of select="(@type, 'Identifier')[1]"/>: <xsl:value-of select="normalize-space(.)"/>
            </xsl:otherwise>
          </xsl:choose>
        </p>
      </xsl:for-each>
      <xsl:if test="exists($cited)">
        <xsl:variable name="total" select="sum($cited ! f:mentions(?mentions))"/>
        <h3 class="mentions-title">Mentioned in</h3>
        <p class="mention-count">
          <xsl:value-of select="f:plural($total, 'mention')"/>
          <xsl:text> in </xsl:text>
          <xsl:value-of select="f:plural(count($cited), 'document')"/>
        </p>
        <ul class="mentions">
          <xsl:for-each select="$cited">
            <xsl:variable name="document" select="?document"/>
            <li>
              <a href="{$document/@href}"><xsl:value-of select="f:title($document/tei:TEI)"/></a>
              <xsl:variable name="date" select="f:creation-date($document/tei:TEI)"/>
              <xsl:if test="$date">
                <xsl:text> (</xsl:text>
                <xsl:call-template name="time">
                  <xsl:with-param name="date" select="$date"/>
                  <xsl:with-param name="content" select="normalize-space($date)"/>
                </xsl:call-template>
                <xsl:text>)</xsl:text>
              </xsl:if>
              <xsl:text>, </xsl:text>
              <span class="count"><xsl:value-of select="f:plural(f:mentions(?mentions), 'mention')"/></span>
              <!-- The first mention in its words, quoted when the record was made. -->
              <xsl:copy-of select="$document/e:context[@name = $register?name]
                  [@ref = '#' || $id][1]/node()" copy-namespaces="no"/>
            </li>
          </xsl:for-each>
        </ul>
      </xsl:if>
    </li>
  </xsl:template>

  <!-- How many names the record's mention elements stand for (site-summary.xsl writes
       one element for the names with the same pointer, and their number when more than
       one). -->
  <xsl:function name="f:mentions" as="xs:integer">
    <xsl:param name="elements" as="element()*"/>
    <xsl:sequence select="sum($elements ! xs:integer((@e:mentions, 1)[1]))"/>
  </xsl:function>

  <xsl:function name="f:plural" as="xs:string">
    <xsl:param name="count" as="xs:integer"/>
    <xsl:param name="noun" as="xs:string"/>
    <xsl:sequence select="$count || ' ' || $noun || (if ($count ne 1) then 's' else '')"/>
  </xsl:function>

</xsl:stylesheet>
