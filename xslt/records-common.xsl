<?xml version="1.0" encoding="UTF-8"?>
<!-- Shared by the metadata-record stylesheets (tei-to-dc, tei-to-datacite, tei-to-cmif):
     names and authority URIs read from a TEI document's header. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="urn:tei-edition:functions"
    exclude-result-prefixes="#all">

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

  <!-- The normalised name of a register entry: its main name, else its first name. -->
  <xsl:function name="f:entry-name" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="names" select="$entry/(tei:persName | tei:orgName | tei:placeName)"/>
    <xsl:sequence select="normalize-space(string(($names[@type = 'main'], $names)[1]))"/>
  </xsl:function>

  <!-- A name as a record shows it: the register's main name, else the name as written. -->
  <xsl:function name="f:display-name" as="xs:string">
    <xsl:param name="name" as="element()"/>
    <xsl:variable name="entry" select="f:entry($name)"/>
    <xsl:sequence select="if ($entry) then f:entry-name($entry) else normalize-space($name)"/>
  </xsl:function>

  <xsl:function name="f:title" as="xs:string">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:sequence select="normalize-space(string(
        ($tei/tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title)[1]))"/>
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
