// One compensation claim: its figures (totals per service, the split by funding source), its
// deliveries, downloads, and for the coordinator of the project's lead region (or an
// administrator) the decisions: approve, reject with a reason, mark paid.
import {
  Anchor,
  Button,
  Group,
  List,
  Paper,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useParams } from "react-router";
import { useQuery } from "urql";
import { useMe, worksIn } from "../../auth/session";
import { problemAt } from "../../lib/caseErrors";
import { formatPeriod } from "../../lib/dates";
import { Facts } from "../../components/cases/Facts";
import { FormProblem } from "../../components/FormProblem";
import { ReasonForm } from "../../components/ReasonForm";
import { useConfirm } from "../../components/ConfirmDialog";
import { SuccessMessage } from "../../components/SuccessMessage";
import { useCaseMutation } from "../../lib/useCaseMutation";
import { requiredFields, useForm } from "../../lib/useForm";
import { unitsText } from "../../components/deliveries/deliveryText";
import { Loading, QueryError } from "../../components/QueryStatus";
import { TableScroll } from "../../components/TableScroll";
import { usePages } from "../../components/usePages";
import { useDocumentTitle } from "../../components/useDocumentTitle";
import { formatDate, formatDateTime, formatMoney } from "../../lib/format";
import { currentLanguage } from "../../i18n";
import { childName } from "../cases/childName";
import {
  approveClaimMutation,
  claimDeliveriesQuery,
  claimPageQuery,
  markClaimPaidMutation,
  rejectClaimMutation,
  type ClaimData,
} from "./claimQueries";
import { ClaimTotals } from "./ClaimTotals";

export function ClaimPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: claimPageQuery,
    variables: { id },
  });
  const reload = () => reexecute({ requestPolicy: "network-only" });
  const claim =
    data?.node?.__typename === "CompensationClaim" ? data.node : null;

  if (fetching && !data) return <Loading />;
  if (
    error &&
    !data &&
    !error.graphQLErrors.some(
      (e) =>
        e.extensions?.code === "BAD_USER_INPUT" ||
        e.extensions?.code === "NOT_FOUND",
    )
  ) {
    return <QueryError error={error} onRetry={reload} />;
  }
  if (!claim) return <ClaimNotFound title={t("claims.notFound")} />;
  return <Claim claim={claim} reload={reload} />;
}

function ClaimNotFound({ title }: { title: string }) {
  const { t } = useTranslation();
  useDocumentTitle(title);
  return (
    <Stack gap="md">
      <Title order={1}>{title}</Title>
      <Text>{t("child.notFoundText")}</Text>
      <Anchor component={Link} to="/claims">
        {t("claims.backToList")}
      </Anchor>
    </Stack>
  );
}

function Claim({ claim, reload }: { claim: ClaimData; reload: () => void }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const period = formatPeriod(claim.periodFrom, claim.periodTo);
  const title = t("claims.claimTitle", {
    municipality: claim.municipality.name,
    period,
  });
  useDocumentTitle(title);
  // The server says who decides (the coordinator of the project's lead region, who pays).
  const can = claim.viewerCan;
  const mayDecide = can.approve || can.reject || can.markPaid;
  const submitted =
    (useLocation().state as { submitted?: boolean } | null)?.submitted === true;
  const formats = ["csv", "xlsx", "pdf"] as const;

  return (
    <Stack gap="xl">
      <div>
        <Anchor component={Link} to="/claims">
          {t("claims.backToList")}
        </Anchor>
        <Title order={1} mt="xs">
          {title}
        </Title>
        {submitted && claim.status === "SUBMITTED" && (
          <Text role="status" c="teal.9" fw={500} mt="sm">
            {t("claims.submitted")}
          </Text>
        )}
        <Paper withBorder p="md" mt="md">
          <Facts
            items={[
              {
                label: t("claims.status"),
                value: t(`claimStatus.${claim.status}`),
              },
              {
                label: t("claims.municipality"),
                value: <span lang="lv">{claim.municipality.name}</span>,
              },
              {
                label: t("claims.project"),
                value: (
                  <span lang="lv">{`${claim.project.name} (${claim.project.code})`}</span>
                ),
              },
              { label: t("claims.period"), value: period },
              {
                label: t("claims.total"),
                value: formatMoney(claim.total, language),
              },
              {
                label: t("claims.counts"),
                value: `${t("claims.deliveryCount", { count: claim.deliveryCount })}, ${claim.childCount == null ? t("claims.fewChildren") : t("claims.childCount", { count: claim.childCount })}`,
              },
              {
                label: t("claims.submittedAt"),
                value: formatDateTime(claim.submittedAt),
              },
              ...(claim.decidedAt
                ? [
                    {
                      label: t("claims.decidedAt"),
                      value: formatDateTime(claim.decidedAt),
                    },
                  ]
                : []),
              ...(claim.rejectReason
                ? [
                    {
                      label: t("claims.rejectReason"),
                      value: claim.rejectReason,
                    },
                  ]
                : []),
              ...(claim.paidAt
                ? [
                    {
                      label: t("claims.paidAt"),
                      value: formatDateTime(claim.paidAt),
                    },
                  ]
                : []),
            ]}
          />
        </Paper>
      </div>

      <section aria-labelledby="claim-totals">
        <Title order={2} id="claim-totals" mb="sm">
          {t("claims.totalsTitle")}
        </Title>
        <ClaimTotals
          total={claim.total}
          byServiceType={claim.byServiceType}
          byFundingSource={claim.byFundingSource}
          deliveryCount={claim.deliveryCount}
        />
      </section>

      {/* Empty for an analyst, who gets no statement file. */}
      {claim.exportPath !== "" && (
        <section aria-labelledby="claim-export">
          <Title order={2} id="claim-export" mb="sm">
            {t("claims.exportTitle")}
          </Title>
          {/* Plain links: the browser downloads the file with the session cookie. */}
          <List>
            {formats.map((f) => (
              <List.Item key={f}>
                <Anchor href={`${claim.exportPath}.${f}`}>
                  {t(`claims.export.${f}`)}
                </Anchor>
              </List.Item>
            ))}
          </List>
        </section>
      )}

      {mayDecide && <ClaimDecisions claim={claim} onReload={reload} />}
      <ClaimDeliveries claimId={claim.id} />
    </Stack>
  );
}

function ClaimDecisions({
  claim,
  onReload,
}: {
  claim: ClaimData;
  onReload: () => void;
}) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const approve = useCaseMutation(approveClaimMutation);
  const confirm = useConfirm();
  const [done, setDone] = useState<string | null>(null);
  const reject = useCaseMutation(rejectClaimMutation);
  const pay = useCaseMutation(markClaimPaidMutation);
  const [rejecting, setRejecting] = useState(false);
  const rejection = useForm({
    initial: { reason: "" },
    validate: (v) => requiredFields(v, ["reason"]),
    serverError: problemAt(reject.problem, t),
  });
  const problem = approve.problem ?? reject.problem ?? pay.problem;
  const ref = { claimId: claim.id, version: claim.version };
  const can = claim.viewerCan;

  const sendReject = async ({ reason }: { reason: string }) => {
    setDone(null);
    if (await reject.run({ input: { ...ref, reason: reason.trim() } })) {
      setRejecting(false);
      setDone(t("success.claimRejected"));
    }
  };
  const amount = formatMoney(claim.total, language);
  const approveClaim = async () => {
    setDone(null);
    const ok = await confirm.ask({
      title: t("confirm.approveClaimTitle"),
      text: t("confirm.approveClaimText", { amount }),
      confirmLabel: t("confirm.approveClaimConfirm"),
    });
    if (ok && (await approve.run({ input: ref })))
      setDone(t("success.claimApproved"));
  };
  const markPaid = async () => {
    setDone(null);
    const ok = await confirm.ask({
      title: t("confirm.payClaimTitle"),
      text: t("confirm.payClaimText", { amount }),
      confirmLabel: t("confirm.payClaimConfirm"),
    });
    if (ok && (await pay.run({ input: ref }))) setDone(t("success.claimPaid"));
  };

  return (
    <section aria-labelledby="claim-decisions">
      <Title order={2} id="claim-decisions" mb="sm">
        {t("claims.decisions")}
      </Title>
      <Stack gap="sm">
        <SuccessMessage message={done} />
        <FormProblem
          problem={problem}
          placed={(f) => f === "reason" && rejecting}
          onReload={onReload}
        />
        {claim.status === "SUBMITTED" &&
          !rejecting &&
          (can.approve || can.reject) && (
            <Group>
              {can.approve && (
                <Button
                  loading={approve.busy}
                  onClick={() => void approveClaim()}
                >
                  {t("claims.approve")}
                </Button>
              )}
              {can.reject && (
                <Button
                  variant="outline"
                  color="red.9"
                  onClick={() => {
                    setDone(null);
                    setRejecting(true);
                  }}
                >
                  {t("claims.reject")}
                </Button>
              )}
            </Group>
          )}
        {claim.status === "APPROVED" && can.markPaid && (
          <Group>
            <Button
              loading={pay.busy}
              onClick={() => void markPaid()}
            >
              {t("claims.markPaid")}
            </Button>
          </Group>
        )}
        {(claim.status === "REJECTED" || claim.status === "PAID") && (
          <Text>{t("claims.noDecisions")}</Text>
        )}
        {rejecting && (
          <ReasonForm
            form={rejection}
            field="reason"
            label={t("claims.rejectReason")}
            rows={3}
            submitLabel={t("claims.rejectSubmit")}
            busy={reject.busy}
            onSend={sendReject}
            onCancel={() => setRejecting(false)}
          />
        )}
      </Stack>
      {confirm.dialog}
    </section>
  );
}

function ClaimDeliveries({ claimId }: { claimId: string }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const me = useMe();
  // Analysts see children as pseudonyms and have no case pages to link to.
  const linkChildren = worksIn(me, "cases");
  const list = usePages({
    query: claimDeliveriesQuery,
    variables: { id: claimId },
    connection: (d) =>
      d.node?.__typename === "CompensationClaim" ? d.node.deliveries : null,
  });

  return (
    <section aria-labelledby="claim-deliveries">
      <Title order={2} id="claim-deliveries" mb="sm">
        {t("claims.deliveriesTitle")}
      </Title>
      {list.error && !list.loaded && (
        <QueryError error={list.error} onRetry={list.retry} />
      )}
      {!list.loaded && list.fetching && <Loading />}
      {/* A claim holds deliveries: none on the page means too few to show an analyst. */}
      {list.loaded && list.nodes.length === 0 && (
        <Text c="dimmed">{t("claims.tooFewDeliveries")}</Text>
      )}
      {list.nodes.length > 0 && (
        <TableScroll label={t("claims.deliveriesTitle")}>
          <Table striped withTableBorder>
            <Table.Caption className="visually-hidden">
              {t("claims.deliveriesTitle")}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("deliveries.date")}</Table.Th>
                <Table.Th scope="col">{t("verify.child")}</Table.Th>
                <Table.Th scope="col">{t("plan.serviceType")}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t("deliveries.units")}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t("deliveries.amount")}
                </Table.Th>
                <Table.Th scope="col">{t("deliveries.provider")}</Table.Th>
                <Table.Th scope="col">{t("deliveries.specialist")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.nodes.map((d) => {
                const name = childName(d.child, t("child.pseudonymous"));
                return (
                  <Table.Tr key={d.id}>
                    <Table.Td style={{ whiteSpace: "nowrap" }}>
                      {formatDate(d.date)}
                    </Table.Td>
                    <Table.Th scope="row" fw={500}>
                      {linkChildren ? (
                        <Anchor
                          component={Link}
                          to={`/children/${encodeURIComponent(d.child.id)}`}
                        >
                          {name}
                        </Anchor>
                      ) : (
                        name
                      )}
                    </Table.Th>
                    <Table.Td>
                      {language === "en"
                        ? d.serviceType.nameEn
                        : d.serviceType.name}
                    </Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: "nowrap" }}>
                      {unitsText(d, t)}
                    </Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: "nowrap" }}>
                      {formatMoney(d.amount, language)}
                    </Table.Td>
                    <Table.Td>{d.provider.name}</Table.Td>
                    <Table.Td>{d.specialistName ?? "—"}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
      {list.error && list.loaded && (
        <QueryError error={list.error} onRetry={list.retry} />
      )}
      {list.loadMore && (
        <Group mt="sm">
          <Button
            variant="outline"
            loading={list.fetching}
            onClick={list.loadMore}
          >
            {t("deliveries.loadMore")}
          </Button>
        </Group>
      )}
    </section>
  );
}
