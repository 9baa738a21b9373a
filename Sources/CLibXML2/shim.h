// libxml2's headers include ICU's when libxml2 was built with it; Foundation brings its own
// ICU module, and the two clash. Only pointers to the encoding structures are used here, so
// the ICU parts are left out.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>
