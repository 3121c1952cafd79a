<?xml version="1.0" encoding="UTF-8"?>
<!-- The order of the reading pages: the stem of each document of the edition listing,
     oldest first, one a line. The renderer gives each page only its neighbours in this
     order, so a page costs the same in an edition of ten documents or of ten thousand. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:e="urn:tei-edition:site"
    xmlns:f="urn:tei-edition:functions"
    exclude-result-prefixes="#all">

  <xsl:include href="common/functions.xsl"/>

  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:template match="/">
    <xsl:value-of select="f:chronological(.) ! string(@stem)" separator="&#10;"/>
  </xsl:template>

</xsl:stylesheet>
