/* sd-place-resolver.h — find place mentions in a story and decide where it belongs
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* Prototypes are aligned in columns by hand: */
/* clang-format off */
#pragma once

#include "sd-gazetteer.h"

G_BEGIN_DECLS

typedef enum
{
  SD_MENTION_IN_HEADLINE,
  SD_MENTION_IN_BODY,
} SdMentionField;

typedef struct
{
  SdMentionField field;
  gsize          start; /* byte offsets into that field's text */
  gsize          end;
  const SdPlace *place; /* what the mention was resolved to */
} SdPlaceMention;

typedef struct
{
  const SdPlace *place;      /* (nullable) most specific place; the province
                              * itself for a province-wide story; NULL when
                              * nothing was found */
  double         confidence; /* 0..1 */
  GArray        *mentions;   /* (element-type SdPlaceMention) */
} SdPlaceDecision;

void             sd_place_decision_free  (SdPlaceDecision *decision);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SdPlaceDecision, sd_place_decision_free)

/* Linear in the length of the texts.  Either text may be NULL. (transfer full) */
SdPlaceDecision *sd_place_resolver_resolve (SdGazetteer *gazetteer,
                                            const char  *headline,
                                            const char  *body);

/* A local paper writes 我市, 我区 or 我县 for its home.  The home is the
 * district most stories of the page are filed under (or failing one, the
 * city); a story saying 我市 and filed nowhere, or only under the home's
 * city, goes to the home.  @decisions, @headlines and @bodies hold the
 * page's @n stories; the decisions are updated in place. */
void             sd_place_resolver_settle_home (SdGazetteer      *gazetteer,
                                                SdPlaceDecision **decisions,
                                                const char *const *headlines,
                                                const char *const *bodies,
                                                guint             n);

G_END_DECLS
