import { Fragment, type ReactNode } from 'react';
import type { Organization } from '../../../lib/shared/apiTypes.ts';
import { CopyValueButton } from './CopyValueButton.tsx';
import { formatAddressParts } from './formatAddress.ts';
import classes from './OrganizationOverview.module.css';
import { RelativeTime } from './RelativeTime.tsx';
import { VariablesTable } from './VariablesTable.tsx';
import { websiteHref } from './websiteHref.ts';

type OrganizationDto = Organization;

interface OrganizationOverviewProps {
  organization: OrganizationDto;
  nowMs: number;
}

function NotSet() {
  return <span className={classes.dimmed}>Not set</span>;
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <tr>
      <th scope="row">{label}</th>
      <td>{children}</td>
    </tr>
  );
}

function WithCopy({ children, value, what }: { children: ReactNode; value: string; what: string }) {
  return (
    <div className={classes.withCopy}>
      <div className={classes.copied}>{children}</div>
      <CopyValueButton value={value} what={what} />
    </div>
  );
}

/**
 * Every field of an organization, read-only; all API text is rendered as text. Plain elements
 * styled by a CSS module, not Mantine components: this is the first thing painted when an
 * organization opens.
 */
export function OrganizationOverview({ organization, nowMs }: OrganizationOverviewProps) {
  const { email, website } = organization;
  const href = websiteHref(website);
  const addressLines = formatAddressParts(organization.address);
  return (
    <div className={classes.sections}>
      <table className={`${classes.table} ${classes.stacked}`} aria-label="Organization details">
        <colgroup>
          <col className={classes.labelColumn} />
          <col />
        </colgroup>
        <tbody>
          <Row label="ID">
            <WithCopy value={organization.id} what="ID">
              <span className={classes.mono}>{organization.id}</span>
            </WithCopy>
          </Row>
          <Row label="Name">
            {organization.name === '' ? <NotSet /> : <bdi>{organization.name}</bdi>}
          </Row>
          <Row label="Email">
            {email === undefined ? (
              <NotSet />
            ) : (
              <WithCopy value={email} what="email">
                <a className={`${classes.link} mantine-focus-auto`} href={`mailto:${email}`}>
                  <bdi>{email}</bdi>
                </a>
              </WithCopy>
            )}
          </Row>
          <Row label="Website">
            {website === undefined ? (
              <NotSet />
            ) : (
              <WithCopy value={website} what="website">
                {href === undefined ? (
                  <bdi>{website}</bdi>
                ) : (
                  <a
                    className={`${classes.link} mantine-focus-auto`}
                    href={href}
                    target="_blank"
                    rel="noopener noreferrer"
                  >
                    <bdi>{website}</bdi>
                  </a>
                )}
              </WithCopy>
            )}
          </Row>
          <Row label="Size">
            {organization.size === undefined ? (
              <NotSet />
            ) : (
              `${organization.size.toLocaleString('en')} employees`
            )}
          </Row>
          <Row label="Industry">
            {organization.industry === undefined ? <NotSet /> : <bdi>{organization.industry}</bdi>}
          </Row>
          <Row label="Address">
            {addressLines.length === 0 ? (
              <NotSet />
            ) : (
              <address className={classes.address}>
                {addressLines.map((parts, index) => (
                  <div key={index}>
                    {parts.map((part, partIndex) => (
                      <Fragment key={partIndex}>
                        {partIndex > 0 && ' '}
                        <bdi>{part}</bdi>
                      </Fragment>
                    ))}
                  </div>
                ))}
              </address>
            )}
          </Row>
          <Row label="Created">
            <RelativeTime iso={organization.created} nowMs={nowMs} />
          </Row>
          <Row label="Updated">
            <RelativeTime iso={organization.updated} nowMs={nowMs} />
          </Row>
        </tbody>
      </table>
      <div className={classes.section}>
        <h2 className={classes.heading}>Variables</h2>
        <VariablesTable variables={organization.variables} label="Variables" />
      </div>
    </div>
  );
}
