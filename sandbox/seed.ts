import { createRandom, hashSeed } from './random';
import type { Random } from './random';
import type { EnboarderProfile, EnboarderReport, EnboarderSeed, EnboarderWorkflow } from './vendors/enboarder';
import {
	APPROVAL_STATUSES,
	ENKASH_COMPANY_ID,
	ID_ALPHABET,
	REMINDER_CHANNELS,
	REMINDER_REFERENCES,
	enkashDate,
	formatEnkashDateTime,
	formatInvoiceId,
	invoiceTotal,
	round2,
} from './vendors/enkash-store';
import type { EnkashCustomer, EnkashInvoice, EnkashReminder, EnkashSeed } from './vendors/enkash-store';

/**
 * The demo data, the same for the same seed. Dates are relative to the day of the reset, so there
 * are always invoices both overdue and still to fall due.
 */
export const SEED_FACTS = {
	enboarder: {
		profileCount: 300,
		/** Has 12 active workflows: its workflows list answers 206 with the first 10. */
		busyProfileId: 1,
		busyProfileActiveWorkflows: 12,
		/** Profiles 2..40 each have one active workflow (deleting one answers 409 ACTIVE_PROFILE). */
		profileWithActiveWorkflowId: 2,
		/** Profiles 41..300 have no workflows. */
		idleProfileId: 300,
		workflowReportCount: 12,
		formReportCount: 6,
		largeWorkflowReportId: 'wf-onboarding',
		largeWorkflowReportRows: 5000,
		largeFormReportId: 'form-personal-details',
		largeFormReportRows: 1200,
	},
	enkash: {
		companyId: ENKASH_COMPANY_ID,
		customerCount: 2000,
		invoiceCount: 5000,
		reminderCount: 200,
		/** Active, with reminders; every seed has it. */
		activeCustomerId: 'KCDEMOACTIVE0001',
		/** Inactive; every seed has it. */
		inactiveCustomerId: 'KCDEMOINACTV0001',
		firstInvoiceId: 'EKINV1000000001',
		lastInvoiceId: 'EKINV1000005000',
	},
} as const;

const FIRST_NAMES = ['Aarav', 'Olivia', 'Liam', 'Priya', 'Noah', 'Mia', 'Ethan', 'Zara', 'Lucas', 'Aisha', 'Oliver', 'Chloe', 'Arjun', 'Grace', 'Mateo', 'Isla', 'Kai', 'Sofia', 'Rohan', 'Emily'];
const LAST_NAMES = ['Sharma', 'Smith', 'Nguyen', 'Patel', 'Williams', 'Brown', 'Singh', 'Jones', 'Garcia', 'Taylor', 'Chen', 'Wilson', 'Kumar', 'Martin', 'Lee', 'Walker', 'Iyer', 'Hall', 'Young', 'King'];
const DEPARTMENTS = ['Engineering', 'Sales', 'Finance', 'People', 'Operations', 'Marketing', 'Support'];
const LOCATIONS = ['Sydney', 'Melbourne', 'Frankfurt', 'Portland', 'Toronto', 'Bengaluru'];

const WORKFLOW_REPORTS: Array<[string, string, boolean]> = [
	['wf-onboarding', 'Onboarding', true],
	['wf-offboarding', 'Offboarding', true],
	['wf-preboarding', 'Preboarding', true],
	['wf-internal-move', 'Internal move', true],
	['wf-contractor', 'Contractor onboarding', true],
	['wf-graduate', 'Graduate program', true],
	['wf-executive', 'Executive onboarding', true],
	['wf-return-to-work', 'Return to work', true],
	['wf-probation', 'Probation review', true],
	['wf-anniversary', 'Work anniversary', true],
	['wf-relocation', 'Relocation', true],
	['wf-legacy-2019', 'Onboarding (2019, retired)', false],
];
const FORM_REPORTS: Array<[string, string, boolean]> = [
	['form-personal-details', 'Personal details', true],
	['form-bank-details', 'Bank details', true],
	['form-tax-declaration', 'Tax declaration', true],
	['form-emergency-contact', 'Emergency contact', true],
	['form-equipment-request', 'Equipment request', true],
	['form-exit-survey', 'Exit survey (retired)', false],
];

const pad = (value: number, width: number): string => String(value).padStart(width, '0');

export function seedEnboarder(random: Random, nowMs = Date.now()): EnboarderSeed {
	const facts = SEED_FACTS.enboarder;
	const reports: EnboarderReport[] = [];
	for (const [id, name, isActive] of WORKFLOW_REPORTS) {
		const rowCount = id === facts.largeWorkflowReportId ? facts.largeWorkflowReportRows : random.int(3, 480);
		reports.push({ id, name, isActive, kind: 'workflows', rowCount });
	}
	for (const [id, name, isActive] of FORM_REPORTS) {
		const rowCount = id === facts.largeFormReportId ? facts.largeFormReportRows : random.int(3, 300);
		reports.push({ id, name, isActive, kind: 'forms', rowCount });
	}

	const profiles: EnboarderProfile[] = [];
	for (let id = 1; id <= facts.profileCount; id++) {
		const firstName = random.pick(FIRST_NAMES);
		const lastName = random.pick(LAST_NAMES);
		const created = new Date(nowMs - random.int(30, 900) * 86_400_000).toISOString();
		profiles.push({
			id,
			firstName,
			lastName,
			externalid: `EMP-${pad(id, 4)}`,
			contact: {
				email: `${firstName}.${lastName}.${id}@example.com`.toLowerCase(),
				mobile: `+614${pad(random.int(0, 99_999_999), 8)}`,
				preferred: random.pick(['email', 'mobile']),
			},
			profilefields: [
				{ name: 'department', value: random.pick(DEPARTMENTS) },
				{ name: 'location', value: random.pick(LOCATIONS) },
			],
			profilePhoto: null,
			createdAt: created,
			updatedAt: created,
		});
	}

	const workflows: EnboarderWorkflow[] = [];
	const addWorkflow = (profile: EnboarderProfile, status: EnboarderWorkflow['status'], index: number): void => {
		const launched = new Date(nowMs - random.int(1, 60) * 86_400_000).toISOString();
		workflows.push({
			referenceid: `EBWF-${pad(workflows.length + 1, 8)}`,
			externalid: `${profile.externalid}-WF-${pad(index, 2)}`,
			type: random.next() < 0.5 ? 'basic' : 'advance',
			status,
			profileId: profile.id,
			fields: {
				nhnm: `${profile.firstName} ${profile.lastName}`,
				nhfnm: profile.firstName,
				nhlnm: profile.lastName,
				nheml: profile.contact.email,
				nhexternalid: profile.externalid,
				nhstdt: new Date(nowMs + random.int(-30, 60) * 86_400_000).toISOString().slice(0, 10),
			},
			launchedOn: launched,
			updatedOn: launched,
			...(status === 'cancelled' ? { cancelledOn: launched } : {}),
		});
	};
	const busy = profiles[facts.busyProfileId - 1];
	for (let index = 1; index <= facts.busyProfileActiveWorkflows; index++) addWorkflow(busy, 'active', index);
	addWorkflow(busy, 'cancelled', facts.busyProfileActiveWorkflows + 1);
	for (let id = 2; id <= 40; id++) {
		addWorkflow(profiles[id - 1], 'active', 1);
		if (id % 5 === 0) addWorkflow(profiles[id - 1], 'cancelled', 2);
	}
	return { profiles, workflows, reports };
}

/** One report row, computed on demand from (seed, report, index) so big reports cost no memory. */
export function enboarderReportRow(seed: number, report: EnboarderReport, index: number): Record<string, unknown> {
	const random = createRandom(hashSeed(seed, report.id, index));
	const firstName = random.pick(FIRST_NAMES);
	const lastName = random.pick(LAST_NAMES);
	const day = 86_400_000;
	const base = Date.UTC(2024, 0, 1) + index * 3_600_000;
	const common = {
		id: `${report.id}-${pad(index + 1, 6)}`,
		employeeName: `${firstName} ${lastName}`,
		email: `${firstName}.${lastName}.${index + 1}@example.com`.toLowerCase(),
	};
	if (report.kind === 'workflows') {
		const totalTasks = random.int(5, 40);
		return {
			...common,
			externalid: `EMP-${pad(random.int(1, 9999), 4)}`,
			workflowName: report.name,
			status: random.pick(['active', 'completed', 'completed', 'cancelled']),
			startDate: new Date(base + random.int(0, 60) * day).toISOString().slice(0, 10),
			launchedOn: new Date(base).toISOString(),
			completedTasks: random.int(0, totalTasks),
			totalTasks,
		};
	}
	return {
		...common,
		formName: report.name,
		status: random.pick(['submitted', 'submitted', 'pending']),
		submittedOn: new Date(base + random.int(0, 10) * day).toISOString(),
		score: random.int(0, 100),
	};
}

const COMPANY_WORDS = ['Shakti', 'Ganga', 'Lotus', 'Everest', 'Sahyadri', 'Indus', 'Kaveri', 'Aravali', 'Surya', 'Vayu', 'Nilgiri', 'Deccan', 'Konkan', 'Malabar'];
const COMPANY_KINDS = ['Traders', 'Textiles', 'Logistics', 'Pharma', 'Foods', 'Steel', 'Software', 'Agro', 'Motors', 'Exports'];
const COMPANY_FORMS = ['Pvt Ltd', 'LLP', 'Enterprises', 'Ltd'];
const STATES = ['Maharashtra', 'Karnataka', 'Tamil Nadu', 'Gujarat', 'Delhi', 'Telangana', 'West Bengal', 'Uttar Pradesh', 'Kerala', 'Rajasthan'];
const AGENTS = ['Anita Rao', 'Vikram Mehta', 'Sunita Das', 'Karan Malhotra', null];

export function seedEnkash(random: Random, nowMs = Date.now()): EnkashSeed {
	const facts = SEED_FACTS.enkash;
	const customers: EnkashCustomer[] = [];
	const ids = new Set<string>();
	for (let index = 0; index < facts.customerCount; index++) {
		let customerId: string;
		if (index === 0) customerId = facts.activeCustomerId;
		else if (index === 9) customerId = facts.inactiveCustomerId;
		else {
			do customerId = `KC${random.chars(ID_ALPHABET, 14)}`;
			while (ids.has(customerId));
		}
		ids.add(customerId);
		const legalName = `${random.pick(COMPANY_WORDS)} ${random.pick(COMPANY_KINDS)} ${random.pick(COMPANY_FORMS)}`;
		const slug = legalName.toLowerCase().replace(/[^a-z]+/g, '');
		const createdOn = formatEnkashDateTime(nowMs - (500 - index * 0.2) * 86_400_000);
		const contacts = random.int(1, 3);
		customers.push({
			customerId,
			companyId: ENKASH_COMPANY_ID,
			legalName,
			uniqueRefNo: `CUST-${pad(index + 1, 5)}`,
			contactNumber: `9${pad(random.int(0, 999_999_999), 9)}`,
			customerKeyContacts: Array.from({ length: contacts }, (_, n) => ({
				name: `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`,
				email: `accounts${n + 1}.${index + 1}@${slug}.example`,
				mobile: `9${pad(random.int(0, 999_999_999), 9)}`,
				designation: random.pick(['Accounts Payable', 'Finance Manager', 'Director']),
			})),
			accountNumber: pad(random.int(0, 999_999_999), 12),
			ifsc: `${random.pick(['HDFC', 'ICIC', 'SBIN', 'UTIB', 'KKBK'])}0${random.chars(ID_ALPHABET, 6)}`,
			address: `${random.int(1, 400)}, ${random.pick(['MG Road', 'Park Street', 'Ring Road', 'Station Road', 'Nehru Nagar'])}`,
			state: random.pick(STATES),
			pinCode: String(random.int(110_001, 855_999)),
			panOrGstin: `${random.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZ', 5)}${pad(random.int(0, 9999), 4)}${random.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZ', 1)}`,
			assignedAgent: random.pick(AGENTS),
			branchCodes: random.next() < 0.3 ? [`BR${pad(random.int(1, 99), 3)}`] : [],
			customerReminders: random.next() < 0.7,
			active: index % 10 !== 9,
			createdOn,
			updatedOn: createdOn,
		});
	}

	const active = customers.filter((customer) => customer.active);
	const invoices: EnkashInvoice[] = [];
	const start = nowMs - 400 * 86_400_000;
	const step = (400 * 86_400_000) / facts.invoiceCount;
	for (let index = 0; index < facts.invoiceCount; index++) {
		const createdMs = start + index * step + Math.floor(random.next() * (step - 1000));
		invoices.push(
			generateInvoice(random, active, formatInvoiceId(1_000_000_001 + index), formatEnkashDateTime(createdMs), nowMs, createdMs),
		);
	}

	const reminders: EnkashReminder[] = [];
	for (let index = 0; index < facts.reminderCount; index++) {
		const customer = active[Math.floor(index / 2)];
		reminders.push({
			reminderId: `REM${pad(index + 1, 8)}`,
			customerId: customer.customerId,
			name: index % 2 === 0 ? 'Before due date' : 'Overdue follow-up',
			channel: random.pick(REMINDER_CHANNELS),
			offsetDays: index % 2 === 0 ? -random.int(1, 7) : random.int(1, 15),
			reference: random.next() < 0.8 ? 'DUE_DATE' : random.pick(REMINDER_REFERENCES),
			enabled: random.next() < 0.85,
			createdOn: customer.createdOn,
		});
	}
	return { customers, invoices, reminders };
}

/** A plausible invoice for one of `customers`, created at `createdMs`; used by the seed and `seedEnkashInvoices`. */
export function generateInvoice(
	random: Random,
	customers: EnkashCustomer[],
	invoiceId: string,
	createdOn: string,
	nowMs: number,
	createdMs: number,
): EnkashInvoice {
	const customer = customers[Math.floor(random.next() * customers.length)];
	const baseAmount = round2(random.int(100, 500_000) + random.int(0, 99) / 100);
	const cgst = round2(baseAmount * 0.09);
	const gstExclusive = random.next() < 0.5;
	const totalAmount = invoiceTotal(baseAmount, cgst, gstExclusive);
	const paid = random.next();
	const paymentStatus = paid < 0.6 ? 'UNPAID' : paid < 0.8 ? 'PARTIALLY_PAID' : 'PAID';
	const balanceAmount = paymentStatus === 'UNPAID' ? totalAmount : paymentStatus === 'PAID' ? 0 : round2(totalAmount * random.int(10, 90) / 100);
	const dispatched = random.next() < 0.4;
	const dispatchedMs = Math.min(nowMs, createdMs + random.int(0, 3) * 86_400_000 + 3_600_000);
	const invoiceNumber = Number(invoiceId.slice(5)) - 1_000_000_000;
	return {
		invoiceId,
		sellerId: ENKASH_COMPANY_ID,
		customerId: customer.customerId,
		externalId: random.next() < 0.9 ? `ERP-INV-${pad(invoiceNumber, 7)}` : null,
		description: `Invoice for ${random.pick(['goods supplied', 'services rendered', 'monthly retainer', 'freight charges'])}`,
		emailAddress: customer.customerKeyContacts[0]?.email ?? null,
		baseAmount,
		cgst,
		gstExclusive,
		totalAmount,
		balanceAmount,
		chargeCustomer: random.next() < 0.2,
		approvalStatus: random.next() < 0.75 ? 'APPROVED' : random.pick(APPROVAL_STATUSES),
		paymentStatus,
		dueDate: enkashDate(nowMs, random.int(-180, 180)),
		createdOn,
		updatedOn: createdOn,
		dispatched,
		dispatchedOn: dispatched ? formatEnkashDateTime(dispatchedMs) : null,
		partialPaymentAllowed: random.next() < 0.5,
	};
}
