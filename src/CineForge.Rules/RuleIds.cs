namespace CineForge.Rules;

/// <summary>Every rule id, as constants: "find references" on one lists everything that checks it.</summary>
public static class RuleIds
{
#pragma warning disable CS1591 // the ids are documented in docs/rules/CFxxxx.md and in RuleCatalog
    public const string CF0101 = nameof(CF0101);
    public const string CF0102 = nameof(CF0102);
    public const string CF0103 = nameof(CF0103);
    public const string CF0104 = nameof(CF0104);
    public const string CF0105 = nameof(CF0105);
    public const string CF0106 = nameof(CF0106);
    public const string CF0107 = nameof(CF0107);
    public const string CF0201 = nameof(CF0201);
    public const string CF0202 = nameof(CF0202);
    public const string CF0203 = nameof(CF0203);
    public const string CF0204 = nameof(CF0204);
    public const string CF0205 = nameof(CF0205);
    public const string CF0206 = nameof(CF0206);
    public const string CF0301 = nameof(CF0301);
    public const string CF0302 = nameof(CF0302);
    public const string CF0303 = nameof(CF0303);
    public const string CF0304 = nameof(CF0304);
    public const string CF0305 = nameof(CF0305);
    public const string CF0306 = nameof(CF0306);
    public const string CF0401 = nameof(CF0401);
    public const string CF0402 = nameof(CF0402);
    public const string CF0403 = nameof(CF0403);
    public const string CF0501 = nameof(CF0501);
    public const string CF0502 = nameof(CF0502);
    public const string CF0503 = nameof(CF0503);
    public const string CF0504 = nameof(CF0504);
    public const string CF0505 = nameof(CF0505);
    public const string CF0506 = nameof(CF0506);
    public const string CF0507 = nameof(CF0507);
    public const string CF0601 = nameof(CF0601);
    public const string CF0602 = nameof(CF0602);
    public const string CF0603 = nameof(CF0603);
    public const string CF0604 = nameof(CF0604);
    public const string CF0605 = nameof(CF0605);
    public const string CF0606 = nameof(CF0606);
    public const string CF0607 = nameof(CF0607);
    public const string CF0701 = nameof(CF0701);
    public const string CF0702 = nameof(CF0702);
    public const string CF0703 = nameof(CF0703);
    public const string CF0704 = nameof(CF0704);
    public const string CF0705 = nameof(CF0705);
    public const string CF0801 = nameof(CF0801);
    public const string CF0802 = nameof(CF0802);

    public const string QA01 = nameof(QA01);
    public const string QA02 = nameof(QA02);
    public const string QA03 = nameof(QA03);
    public const string QA04 = nameof(QA04);
    public const string QA05 = nameof(QA05);
    public const string QA06 = nameof(QA06);
    public const string QA07 = nameof(QA07);
    public const string QA08 = nameof(QA08);
    public const string QA09 = nameof(QA09);
    public const string QA10 = nameof(QA10);
    public const string QA11 = nameof(QA11);
    public const string QA12 = nameof(QA12);
#pragma warning restore CS1591
}
