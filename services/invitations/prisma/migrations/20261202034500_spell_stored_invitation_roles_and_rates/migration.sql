-- An account invitation made without a role grants no_role: its spec now says so.
UPDATE "invitations"."invitations"
SET "spec" = jsonb_set("spec", '{account,role}', '"no_role"')
WHERE "spec" ? 'account' AND COALESCE("spec"->'account'->>'role', '') = '';

-- Reimbursement rates in their one spelling: four decimals, no leading zeros ("0.215" is "0.2150").
UPDATE "invitations"."invitations"
SET "spec" = jsonb_set(
    "spec",
    '{endUser,reimbursementRateEurPerKwh}',
    to_jsonb((("spec"->'endUser'->>'reimbursementRateEurPerKwh')::numeric(8, 4))::text)
)
WHERE TRIM(COALESCE("spec"->'endUser'->>'reimbursementRateEurPerKwh', '')) <> '';

UPDATE "invitations"."invitations"
SET "spec" = jsonb_set(
    "spec",
    '{subAccount,reimbursementRateEurPerKwh}',
    to_jsonb((("spec"->'subAccount'->>'reimbursementRateEurPerKwh')::numeric(8, 4))::text)
)
WHERE TRIM(COALESCE("spec"->'subAccount'->>'reimbursementRateEurPerKwh', '')) <> '';
