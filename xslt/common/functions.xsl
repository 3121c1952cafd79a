<?xml version="1.0" encoding="UTF-8"?>
<!-- What the outputs read from TEI, whatever their format: the reading page and the
     site pages (through html/frame.xsl), the plain text, the order of the pages and the
     metadata records. Functions only, no templates and no markup: a stylesheet of any
     format includes this and builds its own output. A function more than one output
     needs lives here; no function name is defined in two files of xslt/
     (tests/test_outputs_table.py). -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:e="urn:tei-edition:site"
    xmlns:f="urn:tei-edition:functions"
    exclude-result-prefixes="#all">

  <!-- The document's title: the title statement, else the title page. -->
  <xsl:function name="f:title" as="xs:string">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:sequence select="normalize-space(string(
        ($tei/tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title,
         $tei/tei:text/tei:front/tei:docTitle/tei:titlePart)[1]))"/>
  </xsl:function>

  <!-- A footnote's place among the document's footnotes (1, 2, ...), and its number as
       the reader sees it: its own @n, else that place. Every output numbers notes so. -->
  <xsl:function name="f:note-index" as="xs:integer">
    <xsl:param name="note" as="element(tei:note)"/>
    <xsl:sequence select="count($note/preceding::tei:note[@place = 'foot']) + 1"/>
  </xsl:function>

  <xsl:function name="f:note-number" as="xs:string">
    <xsl:param name="note" as="element(tei:note)"/>
    <xsl:sequence select="string(($note/@n, f:note-index($note))[1])"/>
  </xsl:function>

  <xsl:function name="f:creation-date" as="element(tei:date)?">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:sequence select="$tei/tei:teiHeader/tei:profileDesc/tei:creation/tei:date[1]"/>
  </xsl:function>

  <!-- ISO date used for ordering; documents without one sort last. -->
  <xsl:function name="f:sort-date" as="xs:string">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:variable name="date" select="f:creation-date($tei)"/>
    <xsl:sequence select="string(($date/@when, $date/@from, $date/@notBefore, '9999')[1])"/>
  </xsl:function>

  <xsl:function name="f:summary" as="xs:string">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:sequence select="normalize-space(string-join(
        $tei/tei:teiHeader/tei:profileDesc/tei:abstract/tei:p, ' '))"/>
  </xsl:function>

  <!-- Sender or recipient ($action 'sent' or 'received') in the words the title gives
       ("Soviet Ambassador to the USA A. F. Dobrynin"), which the correspondence
       description keeps beside the parties it names; empty when the title names none. -->
  <xsl:function name="f:corresp-words" as="xs:string?">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:param name="action" as="xs:string"/>
    <xsl:sequence select="($tei/tei:teiHeader/tei:profileDesc/tei:correspDesc
        /tei:correspAction[@type = $action]/tei:note[@type = 'title'])[1] ! string(.)"/>
  </xsl:function>

  <!-- A register entry or editorial declaration of an edition listing, whole. The listing
       keeps each distinct one once (e:shared, in the order of first use) and the documents'
       records point to it (@e:same, see tei/site_listing.py); elsewhere an element is whole
       already. -->
  <xsl:key name="shared" match="e:shared/*" use="@e:key"/>

  <xsl:function name="f:full" as="element()*">
    <xsl:param name="elements" as="element()*"/>
    <xsl:sequence select="$elements ! (if (@e:same) then key('shared', @e:same, root(.)) else .)"/>
  </xsl:function>

  <!-- The documents of an edition listing, oldest first; the stem breaks ties. -->
  <xsl:function name="f:chronological" as="element(e:document)*">
    <xsl:param name="edition" as="document-node()?"/>
    <xsl:sequence select="sort($edition/e:edition/e:document, (),
        function($d) { (f:sort-date($d/tei:TEI), string($d/@stem)) })"/>
  </xsl:function>

  <!-- The href a link made from TEI data may carry, or nothing. Only http(s) URLs and
       addresses inside the site (a relative path, a #fragment) qualify: any other scheme
       (javascript:, data:, vbscript:, file: ...) would run or load something on a click.
       Refused too: values with inner spaces (a list of pointers, or a scheme split by a tab
       or newline, which browsers join again), backslashes and a leading // (which browsers
       read as another host). Every href built from TEI goes through here. -->
  <xsl:function name="f:safe-href" as="xs:string?">
    <xsl:param name="target" as="xs:string?"/>
    <xsl:variable name="value" select="normalize-space($target)"/>
    <xsl:sequence select="$value[. ne ''][not(matches(., '[\s\\]'))]
        [if (matches(., '^[^/?#]*:')) then matches(., '^https?://[^/]', 'i')
         else not(starts-with(., '//'))]"/>
  </xsl:function>

  <!-- f:safe-href for links to the web only (http or https). -->
  <xsl:function name="f:web-href" as="xs:string?">
    <xsl:param name="target" as="xs:string?"/>
    <xsl:sequence select="f:safe-href($target)[matches(., '^https?://', 'i')]"/>
  </xsl:function>

  <!-- The paragraph-like element a node belongs to: the unit within which only the first
       mention of a name is a link, and the context a register quotes. A note is its own
       unit, apart from the paragraph it stands in. -->
  <xsl:function name="f:block" as="element()?">
    <xsl:param name="node" as="node()"/>
    <xsl:sequence select="$node/ancestor-or-self::*[self::tei:p or self::tei:note
        or self::tei:ab or self::tei:head or self::tei:seg or self::tei:dateline
        or self::tei:signed or self::tei:salute or self::tei:item][1]"/>
  </xsl:function>

  <xsl:function name="f:wikidata-url" as="xs:string">
    <xsl:param name="id" as="xs:string"/>
    <xsl:sequence select="'https://www.wikidata.org/wiki/' || encode-for-uri(normalize-space($id))"/>
  </xsl:function>

  <!-- Authority URIs of a register entry, from its idno (an idno holding a URI is kept as
       it is). Order: the order of the idnos. -->
  <xsl:function name="f:authority-uris" as="xs:string*">
    <xsl:param name="entry" as="element()?"/>
    <xsl:for-each select="$entry/tei:idno[normalize-space()]">
      <xsl:variable name="value" select="normalize-space(.)"/>
      <xsl:choose>
        <xsl:when test="matches($value, '^https?://')"><xsl:sequence select="$value"/></xsl:when>
        <xsl:when test="@type = 'wikidata'">
          <xsl:sequence select="'http://www.wikidata.org/entity/' || $value"/>
        </xsl:when>
        <xsl:when test="@type = 'viaf'"><xsl:sequence select="'http://viaf.org/viaf/' || $value"/></xsl:when>
        <xsl:when test="@type = 'gnd'"><xsl:sequence select="'http://d-nb.info/gnd/' || $value"/></xsl:when>
        <xsl:when test="@type = 'geonames'">
          <xsl:sequence select="'http://www.geonames.org/' || $value"/>
        </xsl:when>
      </xsl:choose>
    </xsl:for-each>
  </xsl:function>

  <!-- The register entry (person, org or place) a name's @ref points at, in the same file. -->
  <xsl:function name="f:entry" as="element()?">
    <xsl:param name="name" as="element()"/>
    <xsl:variable name="id" select="substring-after(normalize-space($name/@ref), '#')"/>
    <xsl:sequence select="if ($id) then (root($name)//(tei:person | tei:org | tei:place)
        [@xml:id = $id])[1] else ()"/>
  </xsl:function>

  <!-- The normalised name of a register entry: its main name, else its first name (of
       any kind: persName, orgName or placeName). -->
  <xsl:function name="f:register-name" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="names" select="$entry/(tei:persName | tei:orgName | tei:placeName)"/>
    <xsl:sequence select="normalize-space(string(($names[@type = 'main'], $names)[1]))"/>
  </xsl:function>

  <!-- A name as a record shows it: the register's main name, else the name as written. -->
  <xsl:function name="f:display-name" as="xs:string">
    <xsl:param name="name" as="element()"/>
    <xsl:variable name="entry" select="f:entry($name)"/>
    <xsl:sequence select="if ($entry) then f:register-name($entry) else normalize-space($name)"/>
  </xsl:function>

  <xsl:function name="f:document-date" as="xs:string?">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:variable name="date" select="$tei/tei:teiHeader/tei:profileDesc/tei:creation/tei:date[1]"/>
    <xsl:sequence select="($date/@when, $date/@from)[1] ! string(.)"/>
  </xsl:function>

  <!-- The document at the archive: the URL of the citation. -->
  <xsl:function name="f:archive-url" as="xs:string?">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:sequence select="($tei/tei:teiHeader/tei:fileDesc/tei:sourceDesc/tei:bibl
        [@type = 'citation']//tei:ref/@target)[1] ! string(.)"/>
  </xsl:function>
</xsl:stylesheet>
