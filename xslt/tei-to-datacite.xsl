<?xml version="1.0" encoding="UTF-8"?>
<!-- One DataCite Metadata Schema 4.6 record for the whole edition. Input: the edition
     listing (e:edition/e:document, each holding a TEI). What the TEI does not hold (the
     identifier, title, creator, publisher and licence of the edition, the date of
     publication) comes from the edition settings as parameters. docs/crosswalk.md lists
     every field; the record validates against schemas/datacite-4.6/metadata.xsd. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:e="urn:tei-edition:site"
    xmlns:f="urn:tei-edition:functions"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xmlns="http://datacite.org/schema/kernel-4"
    exclude-result-prefixes="#all">

  <xsl:include href="common/functions.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>

  <xsl:param name="edition-identifier" as="xs:string" select="''"/>
  <xsl:param name="edition-title" as="xs:string" select="''"/>
  <xsl:param name="edition-creator" as="xs:string" select="''"/>
  <xsl:param name="edition-publisher" as="xs:string" select="''"/>
  <xsl:param name="edition-licence" as="xs:string" select="''"/>
  <xsl:param name="edition-licence-url" as="xs:string" select="''"/>
  <xsl:param name="publication-date" as="xs:string" select="''"/>

  <!-- A DOI, bare or as a doi.org URL, is written bare with identifierType DOI; any other
       identifier is kept as it is, typed Local (DataCite registers DOIs only). -->
  <xsl:variable name="doi-pattern" select="'^(https?://(dx\.)?doi\.org/|doi:)?(10\.\d{4,}[^\s]*/\S+)$'"/>

  <xsl:template match="/">
    <xsl:variable name="tei" select="e:edition/e:document/tei:TEI"/>
    <xsl:variable name="headers" select="$tei/tei:teiHeader"/>
    <xsl:variable name="dates" select="sort($tei ! f:document-date(.))"/>
    <xsl:variable name="publisher" select="($edition-publisher[.],
        $headers/tei:fileDesc/tei:publicationStmt/tei:publisher ! normalize-space(.))[1]"/>
    <resource xsi:schemaLocation="http://datacite.org/schema/kernel-4 http://schema.datacite.org/meta/kernel-4.6/metadata.xsd">
      <xsl:variable name="id" select="normalize-space($edition-identifier)"/>
      <xsl:choose>
        <xsl:when test="matches($id, $doi-pattern, 'i')">
          <identifier identifierType="DOI"><xsl:value-of select="replace($id, $doi-pattern, '$3', 'i')"/></identifier>
        </xsl:when>
        <xsl:otherwise>
          <identifier identifierType="Local"><xsl:value-of select="($id[.], 'unidentified')[1]"/></identifier>
        </xsl:otherwise>
      </xsl:choose>
      <creators>
        <creator>
          <creatorName nameType="Organizational"><xsl:value-of select="($edition-creator[.], $publisher)[1]"/></creatorName>
        </creator>
      </creators>
      <titles>
        <title><xsl:value-of select="($edition-title[.], $publisher || ': TEI edition')[1]"/></title>
      </titles>
      <publisher><xsl:value-of select="$publisher"/></publisher>
      <publicationYear><xsl:value-of select="(substring($publication-date, 1, 4)[. castable as xs:gYear],
          string(year-from-date(current-date())))[1]"/></publicationYear>
      <resourceType resourceTypeGeneral="Collection">TEI P5 edition</resourceType>
      <xsl:variable name="entries" select="$headers/tei:profileDesc/(tei:particDesc/tei:listPerson/tei:person,
          tei:settingDesc/tei:listPlace/tei:place)"/>
      <xsl:if test="exists($entries)">
        <subjects>
          <xsl:for-each-group select="$entries" group-by="f:register-name(.)">
            <xsl:sort select="current-grouping-key()"/>
            <xsl:variable name="wikidata" select="(current-group() ! f:authority-uris(.))
                [starts-with(., 'http://www.wikidata.org/')][1]"/>
            <subject>
              <xsl:if test="$wikidata">
                <xsl:attribute name="subjectScheme" select="'Wikidata'"/>
                <xsl:attribute name="schemeURI" select="'http://www.wikidata.org/entity/'"/>
                <xsl:attribute name="valueURI" select="$wikidata"/>
              </xsl:if>
              <xsl:value-of select="current-grouping-key()"/>
            </subject>
          </xsl:for-each-group>
        </subjects>
      </xsl:if>
      <xsl:variable name="translators" select="distinct-values($headers/tei:fileDesc/tei:titleStmt
          /tei:respStmt[@xml:id = 'translator']/tei:name ! normalize-space(.))"/>
      <xsl:variable name="editors" select="distinct-values($headers/tei:fileDesc/tei:titleStmt
          /tei:respStmt[@xml:id = 'ed']/tei:orgName ! normalize-space(.))"/>
      <xsl:if test="exists(($translators, $editors))">
        <contributors>
          <xsl:for-each select="$translators">
            <contributor contributorType="Translator">
              <contributorName nameType="Personal"><xsl:value-of select="."/></contributorName>
            </contributor>
          </xsl:for-each>
          <xsl:for-each select="$editors">
            <contributor contributorType="Editor">
              <contributorName nameType="Organizational"><xsl:value-of select="."/></contributorName>
            </contributor>
          </xsl:for-each>
        </contributors>
      </xsl:if>
      <dates>
        <xsl:if test="exists($dates)">
          <date dateType="Coverage" dateInformation="dates of the documents">
            <xsl:value-of select="if (count(distinct-values($dates)) gt 1)
                then $dates[1] || '/' || $dates[last()] else $dates[1]"/>
          </date>
        </xsl:if>
        <xsl:if test="$publication-date">
          <date dateType="Issued"><xsl:value-of select="$publication-date"/></date>
        </xsl:if>
      </dates>
      <language><xsl:value-of select="($tei/@xml:lang, 'en')[1]"/></language>
      <xsl:variable name="urls" select="distinct-values($tei ! f:archive-url(.))"/>
      <xsl:if test="exists($urls)">
        <relatedIdentifiers>
          <xsl:for-each select="$urls">
            <relatedIdentifier relatedIdentifierType="URL" relationType="IsDerivedFrom"><xsl:value-of select="."/></relatedIdentifier>
          </xsl:for-each>
        </relatedIdentifiers>
      </xsl:if>
      <sizes><size><xsl:value-of select="count($tei)"/> documents</size></sizes>
      <formats><format>application/tei+xml</format></formats>
      <xsl:variable name="licence" select="($edition-licence[.],
          $headers/tei:fileDesc/tei:publicationStmt/tei:availability/tei:licence ! normalize-space(.))[1]"/>
      <xsl:variable name="licence-url" select="($edition-licence-url[.],
          $headers/tei:fileDesc/tei:publicationStmt/tei:availability/tei:licence/@target ! string(.))[1]"/>
      <xsl:if test="$licence or $licence-url">
        <rightsList>
          <rights>
            <xsl:if test="$licence-url"><xsl:attribute name="rightsURI" select="$licence-url"/></xsl:if>
            <xsl:value-of select="$licence"/>
          </rights>
        </rightsList>
      </xsl:if>
      <descriptions>
        <description descriptionType="Abstract">
          <xsl:value-of select="'A TEI P5 edition of ' || count($tei) || ' documents'
              || (if (exists($dates)) then ', ' || $dates[1] || ' to ' || $dates[last()] else '')
              || ', with registers of the persons and places they mention.'"/>
        </description>
        <description descriptionType="TableOfContents">
          <xsl:value-of select="string-join(for $t in $tei return f:title($t), '; ')"/>
        </description>
      </descriptions>
    </resource>
  </xsl:template>
</xsl:stylesheet>
