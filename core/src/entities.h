// The named-entity recogniser.
#ifndef GLOSS_ENTITIES_H_
#define GLOSS_ENTITIES_H_

#include "gloss/gloss.h"

namespace gloss {

// Fills doc.entities for every text field (headline, body, related titles).
void recognise_entities(Document& doc);

}  // namespace gloss

#endif  // GLOSS_ENTITIES_H_
