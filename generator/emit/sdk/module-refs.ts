import type { OptionalKind, ImportDeclarationStructure } from 'ts-morph';
import type { NamedType } from '../../ir/types.js';
import type { SdkNames, TypeNames } from './names.js';
import { inSameCycle } from './cycles.js';

/**
 * What one generated module uses of the named types, so that it imports exactly those: the
 * interfaces as type-only imports, the schemas as values. This is what keeps the SDK
 * tree-shakable: a client module pulls in only the DTO modules its methods reach.
 */
export class ModuleRefs {
  private readonly types = new Set<string>();
  private readonly schemas = new Set<string>();
  /** Helpers of the runtime's `checks.ts` the module's schemas call. */
  private readonly checks = new Set<string>();
  /** Referenced names that are not in `Api.types` (reported by the emitter). */
  readonly missing = new Set<string>();

  constructor(
    private readonly names: SdkNames,
    private readonly groups: Map<string, number>,
    /** Module specifier of a model module from this module (`./x.js`, `../models/x.js`). */
    private readonly modelSpecifier: (file: string) => string,
    /** IR name of the type this module declares (a model module), if any. */
    readonly owner?: string,
  ) {}

  private lookup(irName: string): TypeNames | undefined {
    const n = this.names.types.get(irName);
    if (!n) this.missing.add(irName);
    return n;
  }

  typeName(irName: string): string | undefined {
    const n = this.lookup(irName);
    if (n && irName !== this.owner) this.types.add(irName);
    return n?.type;
  }

  schemaName(irName: string): string | undefined {
    const n = this.lookup(irName);
    if (n && irName !== this.owner) this.schemas.add(irName);
    return n?.schema;
  }

  /** A helper of the runtime's `checks.ts` (every module sits one folder below `src/`). */
  runtimeName(name: string): string {
    this.checks.add(name);
    return name;
  }

  /** The definition of a named type (without importing it). */
  definition(irName: string): NamedType | undefined {
    return this.names.definitions.get(irName);
  }

  /** The reference must be deferred (`z.lazy`): it closes a cycle through this module. */
  isLazy(irName: string): boolean {
    return irName === this.owner || inSameCycle(this.groups, this.owner, irName);
  }

  /** The owner's schema needs an explicit `z.ZodType<X>` annotation. */
  ownerIsCyclic(): boolean {
    return this.owner !== undefined && this.groups.has(this.owner);
  }

  imports(): OptionalKind<ImportDeclarationStructure>[] {
    const used = [...new Set([...this.types, ...this.schemas])].sort();
    const checks: OptionalKind<ImportDeclarationStructure>[] =
      this.checks.size > 0 ? [{ moduleSpecifier: '../runtime/checks.js', namedImports: [...this.checks].sort().map((name) => ({ name })) }] : [];
    return [...checks, ...used.map((irName) => {
      const n = this.names.types.get(irName)!;
      const moduleSpecifier = this.modelSpecifier(n.file);
      if (!this.schemas.has(irName)) return { moduleSpecifier, isTypeOnly: true, namedImports: [{ name: n.type }] };
      const namedImports = [{ name: n.schema }];
      if (this.types.has(irName)) namedImports.unshift({ name: n.type, isTypeOnly: true } as { name: string });
      return { moduleSpecifier, namedImports };
    })];
  }
}
