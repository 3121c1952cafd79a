<?xml version="1.0" encoding="UTF-8"?>
<!-- One CMIF file (correspSearch's Correspondence Metadata Interchange Format, a TEI
     document) for the whole edition, from each document's profileDesc/correspDesc. Input:
     the edition listing (e:edition/e:document, each holding a TEI). Names carry the
     authority URIs of their register entries (Wikidata, VIAF, GND, GeoNames); a name
     whose kind the document does not state (tei:name) is left out, as CMIF knows persons
     and organisations only. Valid against tei_all; CMIF's own rules are tested in
     tests/test_deposit_records.py. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:e="urn:tei-edition:site"
    xmlns:f="urn:tei-edition:functions"
    xmlns="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <xsl:include href="common/functions.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="yes"
      suppress-indentation="tei:editor tei:bibl tei:publisher tei:licence"/>

  <xsl:param name="edition-identifier" as="xs:string" select="''"/>
  <xsl:param name="edition-title" as="xs:string" select="''"/>
  <xsl:param name="edition-publisher" as="xs:string" select="''"/>
  <xsl:param name="edition-url" as="xs:string" select="''"/>
  <xsl:param name="cmif-url" as="xs:string" select="''"/>
  <xsl:param name="contact-name" as="xs:string" select="''"/>
  <xsl:param name="contact-email" as="xs:string" select="''"/>
  <xsl:param name="edition-licence-url" as="xs:string" select="''"/>
  <xsl:param name="publication-date" as="xs:string" select="''"/>

  <xsl:template match="/">
    <xsl:variable name="tei" select="e:edition/e:document/tei:TEI"/>
    <xsl:variable name="publisher" select="($edition-publisher[.],
        ($tei/tei:teiHeader/tei:fileDesc/tei:publicationStmt/tei:publisher)[1] ! normalize-space(.))[1]"/>
    <TEI>
      <teiHeader>
        <fileDesc>
          <titleStmt>
            <title><xsl:value-of select="($edition-title[.], $publisher)[1]"/>: correspondence metadata</title>
            <editor>
              <xsl:value-of select="$contact-name"/>
              <xsl:if test="$contact-email"><email><xsl:value-of select="$contact-email"/></email></xsl:if>
            </editor>
          </titleStmt>
          <publicationStmt>
            <publisher>
              <xsl:choose>
                <xsl:when test="$edition-url"><ref target="{$edition-url}"><xsl:value-of select="$publisher"/></ref></xsl:when>
                <xsl:otherwise><xsl:value-of select="$publisher"/></xsl:otherwise>
              </xsl:choose>
            </publisher>
            <xsl:if test="$cmif-url"><idno type="url"><xsl:value-of select="$cmif-url"/></idno></xsl:if>
            <date when="{($publication-date[. castable as xs:date], string(current-date()) ! substring(., 1, 10))[1]}"/>
            <availability>
              <licence target="{$edition-licence-url}">The correspondence metadata of this file may be reused under the licence at <xsl:value-of select="$edition-licence-url"/>.</licence>
            </availability>
          </publicationStmt>
          <sourceDesc>
            <bibl type="online" xml:id="edition">
              <xsl:value-of select="($edition-title[.], $publisher)[1]"/>
              <xsl:text>. </xsl:text>
              <xsl:value-of select="$publisher"/>
              <xsl:if test="$edition-url">
                <xsl:text>. </xsl:text>
                <ref target="{$edition-url}"><xsl:value-of select="$edition-url"/></ref>
              </xsl:if>
            </bibl>
          </sourceDesc>
        </fileDesc>
        <profileDesc>
          <xsl:for-each select="$tei[tei:teiHeader/tei:profileDesc/tei:correspDesc]">
            <xsl:sort select="f:document-date(.)"/>
            <xsl:variable name="url" select="f:archive-url(.)"/>
            <correspDesc source="#edition">
              <xsl:if test="$url"><xsl:attribute name="ref" select="$url"/></xsl:if>
              <xsl:for-each select="tei:teiHeader/tei:profileDesc/tei:correspDesc/tei:correspAction">
                <correspAction type="{@type}">
                  <xsl:apply-templates select="tei:persName | tei:orgName | tei:placeName" mode="cmif"/>
                  <xsl:for-each select="tei:date[@when | @from | @to | @notBefore | @notAfter]">
                    <date>
                      <xsl:copy-of select="@when | @from | @to | @notBefore | @notAfter"/>
                    </date>
                  </xsl:for-each>
                </correspAction>
              </xsl:for-each>
            </correspDesc>
          </xsl:for-each>
        </profileDesc>
      </teiHeader>
      <text>
        <body>
          <p/>
        </body>
      </text>
    </TEI>
  </xsl:template>

  <!-- A name with the first authority URI of its register entry; the register's main
       name when there is an entry. -->
  <xsl:template match="tei:persName | tei:orgName | tei:placeName" mode="cmif">
    <xsl:variable name="entry" select="f:entry(.)"/>
    <xsl:element name="{local-name()}" namespace="http://www.tei-c.org/ns/1.0">
      <xsl:for-each select="f:authority-uris($entry)[1]">
        <xsl:attribute name="ref" select="."/>
      </xsl:for-each>
      <xsl:value-of select="f:display-name(.)"/>
    </xsl:element>
  </xsl:template>
</xsl:stylesheet>
