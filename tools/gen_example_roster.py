#!/usr/bin/env python3
"""Write examples/data/roster.csv and roster-gb18030.csv (invented people): rows 1-6 valid,
rows 7-14 with one fault each (see examples/data/README-roster.md). Run from examples/data."""
W=[7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2];C='10X98765432'
def idn(s17): return s17+C[sum(int(a)*b for a,b in zip(s17,W))%11]
H=["姓名","姓名拼音","性别","出生日期","出生地","籍贯","民族","国籍/地区","身份证件类型","身份证件号",
   "港澳台侨外","健康状况","户口所在地","户口性质","年级","班级","入学年月","入学方式","就读方式",
   "现住址","通信地址","家庭地址","联系电话","邮政编码","是否独生子女","是否受过学前教育",
   "家庭成员1姓名","家庭成员1关系","家庭成员1联系电话","家庭成员1是否监护人",
   "家庭成员2姓名","家庭成员2关系","家庭成员2联系电话","家庭成员2是否监护人",
   "学习经历1起始年月","学习经历1终止年月","学习经历1学校","学习经历2起始年月","学习经历2终止年月","学习经历2学校"]
def row(name,py,sex,birth,seq,father,mother,phone="13800138000",idover=None,eth="汉族",addr="北京市东城区东四街道十条1号"):
    y,m,d=birth.split("-")
    i=idover or idn("110101"+y+m+d+seq)
    ent=str(int(y)+6)
    return [name,py,sex,birth,"110101","北京市东城区",eth,"中国","居民身份证",i,"否","健康或良好","110101","非农业户口",
            "小学"+ent+"级","1班",ent+"-09","就近入学","走读",addr,addr,addr,phone,"100010","是","是",
            father,"父亲","13900139001","是",mother,"母亲","13900139002","是",
            str(int(ent)-3)+"-09",ent+"-07","东城区第一幼儿园",ent+"-09","至今","东城区第一小学"]
rows=[
 row("张小明","Zhang Xiaoming","男","2017-03-15","001","张建国","李秀英"),
 row("王芳","Wang Fang","女","2017-06-02","002","王强","赵丽"),
 row("李浩然","Li Haoran","男","2017-11-20","013","李军","陈静"),
 row("阿依古丽·买买提","Ayiguli Maimaiti","女","2017-01-08","024","买买提·吐尔逊","古丽娜","13800138001",eth="维吾尔族"),
 row("陈思远","Chen Siyuan","男","2017-09-30","035","陈勇","周敏"),
 row("刘雨桐","Liu Yutong","女","2017-04-12","046","刘磊","孙娟"),
]
bad=[]
r=row("赵一鸣","Zhao Yiming","男","2017-02-14","057","赵刚","吴霞"); r[9]=r[9][:17]+("0" if r[9][17]!="0" else "1"); bad.append(r)  # wrong check char
r=row("孙悦","Sun Yue","女","2017-08-01","062","孙涛","郑艳"); r[3]="2017-08-02"; bad.append(r)  # birth date differs from ID
bad.append(["周小龙","Zhou Xiaolong","男","2017-05-05"])  # short row
r=row("吴天宇","Wu Tianyu","男","2017-03-15","001","吴平","郑桂英",idover=rows[0][9]); bad.append(r)  # same ID as row 1
r=row("王芳","Wang Fang","女","2017-06-02","004","王强","赵丽"); bad.append(r)  # same person as row 2, other ID
r=row("郑一凡","Zheng Yifan","男","2017-07-07","071","郑超","冯娜",phone="=1+2"); bad.append(r)  # formula in phone
r=row("冯梓涵","Feng Zihan","女","2017-12-24","082","冯明","何静",eth="火星族"); bad.append(r)  # unknown ethnicity
r=row("李浩然","Li Haoran","男","2017-11-20","013","李军","陈静"); i=rows[2][9]; r[9]=i[:14]+i[15]+i[14]+i[16:]; bad.append(r)  # digits swapped (typo of row 3)
lines=[H]+rows+bad
import csv,io
buf=io.StringIO(); w=csv.writer(buf, lineterminator="\r\n"); w.writerows(lines)
s=buf.getvalue()
open("roster.csv","w",encoding="utf-8",newline="").write(s)
open("roster-gb18030.csv","wb").write(s.encode("gb18030"))
