// libxml2's headers include ICU's when libxml2 was built with it; Foundation brings its own
// ICU module, and the two clash. Only pointers to the encoding structures are used here, so
// the ICU parts are left out.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>

// zlib's CRC-32 (libxml2 itself links zlib; zlib1g-dev comes with libxml2-dev): the checksum of
// each inflated part, checked against the ZIP directory. ZIPFoundation's own loop on Linux is a
// byte-at-a-time table and does not compare the result. Declared here rather than through
// <zlib.h>, which ZIPFoundation's CZLib module also wraps.
unsigned long crc32(unsigned long crc, const unsigned char *buf, unsigned int len);
