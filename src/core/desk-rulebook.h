/* desk-rulebook.h
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "desk-period.h"

G_BEGIN_DECLS

#define DESK_RULES_ERROR (desk_rules_error_quark ())

typedef enum
{
  DESK_RULES_ERROR_INVALID,       /* not JSON, or not shaped like a rules file */
  DESK_RULES_ERROR_NOT_FOUND,     /* no rule, or no condition, with the name asked for */
  DESK_RULES_ERROR_NO_CONDITION,  /* the rule depends on a condition and none was given */
} DeskRulesError;

/**
 * DeskRuleStage:
 * @id: its name in the rule, e.g. "final"
 * @name: what it is called, translated, e.g. "Final report"
 * @recipient: who is told, translated
 * @from: what starts its clock; %DESK_CLOCK_EVENT_FILING for the filing of @after
 * @after: (nullable): the id of the earlier stage whose filing starts the clock
 * @period: how long it gives
 * @has_latest: whether @latest applies too: the deadline is then the earlier of the two
 * @latest_from: what starts @latest's clock (an event of the incident)
 * @latest: a second limit, e.g. DORA's "no later than 24 hours after awareness"
 * @guidance: the period comes from a regulator's guidance, not from the law's text
 *
 * One report a rule asks for, e.g. the APPI preliminary report.
 */
typedef struct
{
  char           *id;
  char           *name;
  char           *recipient;
  DeskClockEvent  from;
  char           *after;
  DeskPeriod      period;
  gboolean        has_latest;
  DeskClockEvent  latest_from;
  DeskPeriod      latest;
  gboolean        guidance;
} DeskRuleStage;

/**
 * DeskRuleCondition:
 * @name: its name in the rule, e.g. "unauthorised-access"
 * @label: what it means, translated
 * @periods: (element-type utf8 DeskPeriod): the periods of the stages it changes, by stage id
 *
 * One of the cases a rule's periods depend on; a rule with conditions needs one of them chosen.
 */
typedef struct
{
  char       *name;
  char       *label;
  GHashTable *periods;
} DeskRuleCondition;

/**
 * DeskStageClock:
 * @clock_start: the time the stage's clock was set to start at, or 0 for the incident's
 * @filed_at: when the stage was filed, or 0
 *
 * What an incident's obligation of a stage says, for the stages that count from it.
 */
typedef struct
{
  gint64 clock_start;
  gint64 filed_at;
} DeskStageClock;

/**
 * DeskClockStarts:
 * @events: the incident's times by #DeskClockEvent (detection, awareness, determination); 0 when
 *   unknown: awareness then falls back to detection and determination to awareness, the
 *   earlier and so the safer time
 * @stages: (nullable) (element-type utf8 DeskStageClock): what the incident's obligations of
 *   the rule's stages say, by stage id
 *
 * What the clocks of a rule start from for one incident.
 */
typedef struct
{
  gint64      events[DESK_CLOCK_EVENT_FILING];
  GHashTable *stages;
} DeskClockStarts;

#define DESK_TYPE_DEADLINE_RULE (desk_deadline_rule_get_type())

G_DECLARE_FINAL_TYPE (DeskDeadlineRule, desk_deadline_rule, DESK, DEADLINE_RULE, GObject)

#define DESK_TYPE_RULEBOOK (desk_rulebook_get_type())

G_DECLARE_FINAL_TYPE (DeskRulebook, desk_rulebook, DESK, RULEBOOK, GObject)

GQuark            desk_rules_error_quark            (void);

const char       *desk_deadline_rule_get_id         (DeskDeadlineRule        *self);
const char       *desk_deadline_rule_get_name       (DeskDeadlineRule        *self);
const char       *desk_deadline_rule_get_law        (DeskDeadlineRule        *self);
const char       *desk_deadline_rule_get_source     (DeskDeadlineRule        *self);
const char       *desk_deadline_rule_get_note       (DeskDeadlineRule        *self);
gboolean          desk_deadline_rule_get_uncertain  (DeskDeadlineRule        *self);
GPtrArray        *desk_deadline_rule_get_stages     (DeskDeadlineRule        *self);
GPtrArray        *desk_deadline_rule_get_conditions (DeskDeadlineRule        *self);
const DeskRuleStage *desk_deadline_rule_get_stage   (DeskDeadlineRule        *self,
                                                     const char              *stage_id);
const DeskRuleCondition *desk_deadline_rule_find_condition (DeskDeadlineRule *self,
                                                     const char              *name,
                                                     GError                 **error);
const DeskPeriod *desk_deadline_rule_get_period     (DeskDeadlineRule        *self,
                                                     const DeskRuleStage     *stage,
                                                     const DeskRuleCondition *condition);
char             *desk_deadline_rule_describe_stage (DeskDeadlineRule        *self,
                                                     const DeskRuleStage     *stage,
                                                     const DeskRuleCondition *condition);
gint64            desk_deadline_rule_compute_due    (DeskDeadlineRule        *self,
                                                     const DeskRuleStage     *stage,
                                                     const DeskRuleCondition *condition,
                                                     const DeskClockStarts   *starts,
                                                     GTimeZone               *zone);

DeskRulebook     *desk_rulebook_new_builtin         (GError                 **error);
DeskRulebook     *desk_rulebook_new_from_data       (const char              *data,
                                                     gssize                   length,
                                                     const char              *name,
                                                     GError                 **error);
DeskRulebook     *desk_rulebook_new_default         (void);
char             *desk_rulebook_get_user_path       (void);
gboolean          desk_rulebook_merge_file          (DeskRulebook            *self,
                                                     const char              *path,
                                                     GError                 **error);
const GError     *desk_rulebook_get_user_error      (DeskRulebook            *self);
GPtrArray        *desk_rulebook_get_rules           (DeskRulebook            *self);
DeskDeadlineRule *desk_rulebook_lookup              (DeskRulebook            *self,
                                                     const char              *id);
DeskDeadlineRule *desk_rulebook_find                (DeskRulebook            *self,
                                                     const char              *id,
                                                     GError                 **error);
DeskCalendar     *desk_rulebook_get_calendar        (DeskRulebook            *self,
                                                     const char              *id);

const char       *desk_clock_event_label            (DeskClockEvent           event);

G_END_DECLS
